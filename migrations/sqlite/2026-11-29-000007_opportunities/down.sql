DROP TABLE opportunity_texts;
DROP TABLE opportunities;
DELETE FROM changes WHERE entity = 'opportunity';
