DROP TABLE partnership_steps;
DROP TABLE partnerships;
