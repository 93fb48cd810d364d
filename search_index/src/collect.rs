//! One pass over the matching documents: the exact distance filter, facet counts over all of
//! them, and the page after the cursor in the asked order.
//!
//! Within a segment, strings (names, ids, facet values) are compared and counted by their
//! fast-field ordinals, which follow byte order; only the page's few documents and the counted
//! values are turned back into strings, when segments are merged.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

use domain::search::{Facet, Near, Sort};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn, TermOrdHit};
use tantivy::query::Weight;
use tantivy::{DocId, DocSet, Score, SegmentOrdinal, SegmentReader, TERMINATED};

use crate::fields::fast;
use crate::{FacetCount, Hit, Position};

/// Stands for "no location" in the distance order, so such results come last.
const FAR_AWAY: f64 = 1.0e18;

/// What to collect.
pub(crate) struct Page {
    pub sort: Sort,
    pub after: Option<Position>,
    pub limit: usize,
    pub near: Option<Near>,
    pub facets: Vec<Facet>,
    pub scored: bool,
}

/// The page and the counts of all matches.
pub(crate) struct Collected {
    pub hits: Vec<Hit>,
    /// All matches; at least the page's when a listing in name order without facets stopped
    /// after its page.
    pub total: u64,
    pub facets: Vec<FacetCount>,
}

fn facet_field(facet: Facet) -> &'static str {
    match facet {
        Facet::Country => fast::COUNTRY,
        Facet::Region => fast::REGION,
        Facet::NaceSection => fast::SECTION,
        Facet::Kind => fast::KIND,
        Facet::Size => fast::SIZE,
        Facet::PartnershipType => fast::PARTNERSHIP,
    }
}

/// A document's place in the order within one segment: smaller comes first. Strings are
/// compared by ordinal: `2 × ord + 1` for a document's own value, so that a cursor value that
/// the segment does not hold can sit between two ordinals (`2 × ord` of the next one).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Key {
    primary: f64,
    name: u64,
    id: u64,
}

impl Eq for Key {}

impl Ord for Key {
    fn cmp(&self, other: &Self) -> Ordering {
        self.primary
            .total_cmp(&other.primary)
            .then(self.name.cmp(&other.name))
            .then(self.id.cmp(&other.id))
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A string's place among a segment's ordinals (see [`Key`]).
fn bound(column: &StrColumn, value: &str) -> u64 {
    let terms = column.dictionary().num_terms() as u64;
    match column.dictionary().term_ord_or_next(value) {
        Ok(TermOrdHit::Exact(ord)) => 2 * ord + 1,
        Ok(TermOrdHit::Next(ord)) => 2 * ord.min(terms),
        Err(_) => 2 * terms,
    }
}

fn own(ord: u64) -> u64 {
    2 * ord + 1
}

impl Collector for Page {
    type Fruit = Collected;
    type Child = SegmentPage;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentPage> {
        let fast_fields = reader.fast_fields();
        let str_column = |name: &str| -> tantivy::Result<StrColumn> {
            fast_fields.str(name)?.ok_or_else(|| {
                tantivy::TantivyError::SchemaError(format!("{name} is not a fast field"))
            })
        };
        let ids = str_column(fast::ID)?;
        let names = str_column(fast::NAME_SORT)?;
        let location = match self.near {
            Some(_) => Some((
                fast_fields.f64(fast::LATITUDE)?,
                fast_fields.f64(fast::LONGITUDE)?,
            )),
            None => None,
        };
        let facets = self
            .facets
            .iter()
            .map(|&facet| {
                let column = str_column(facet_field(facet))?;
                let counts = vec![0u32; column.dictionary().num_terms()];
                Ok((facet, column, counts))
            })
            .collect::<tantivy::Result<Vec<_>>>()?;
        let cursor = self.after.as_ref().map(|after| {
            let mut key = Key {
                primary: 0.0,
                name: 0,
                id: bound(&ids, &after.id),
            };
            match self.sort {
                Sort::Relevance => {
                    key.primary = -after.score;
                    key.name = bound(&names, &after.name_sort);
                }
                Sort::Name => key.name = bound(&names, &after.name_sort),
                Sort::Distance => key.primary = after.distance,
                Sort::Newest => key.id = u64::MAX - key.id,
            }
            key
        });
        let name_keys = if self.stops_early() {
            Some(fast_fields.u64(fast::NAME_KEY)?)
        } else {
            None
        };
        Ok(SegmentPage {
            sort: self.sort,
            limit: self.limit,
            near: self.near,
            ids,
            names,
            name_keys,
            location,
            facets,
            total: 0,
            cursor,
            block: Vec::new(),
            best: BinaryHeap::with_capacity(self.limit + 1),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.scored
    }

    fn collect_segment(
        &self,
        weight: &dyn Weight,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentFruit> {
        let mut page = self.for_segment(segment, reader)?;
        let alive = reader.alive_bitset();
        let is_alive = |doc: DocId| alive.is_none_or(|a| a.is_alive(doc));
        if self.stops_early() {
            // The index is sorted by name key: once a match's key is past the page's last
            // result, so are all matches after it.
            let mut matches = weight.scorer(reader, 1.0)?;
            let mut doc = matches.doc();
            while doc != TERMINATED {
                if is_alive(doc) {
                    if page.past_page(doc) {
                        break;
                    }
                    page.consider(doc, 0.0, None);
                }
                doc = matches.advance();
            }
        } else if self.scored {
            weight.for_each(reader, &mut |doc, score| {
                if is_alive(doc) {
                    page.collect(doc, score);
                }
            })?;
        } else {
            let mut living = Vec::new();
            weight.for_each_no_score(reader, &mut |docs| match alive {
                None => page.collect_block(docs),
                Some(_) => {
                    living.clear();
                    living.extend(docs.iter().copied().filter(|&doc| is_alive(doc)));
                    page.collect_block(&living);
                }
            })?;
        }
        Ok(page.harvest())
    }

    fn merge_fruits(&self, segments: Vec<SegmentFruit>) -> tantivy::Result<Collected> {
        let mut hits = Vec::new();
        let mut total = 0;
        let mut counts: HashMap<(Facet, String), i64> = HashMap::new();
        for segment in segments {
            hits.extend(segment.hits);
            total += segment.total;
            for (facet, value, count) in segment.facets {
                *counts.entry((facet, value)).or_default() += i64::from(count);
            }
        }
        hits.sort_by(|a, b| compare(self.sort, &a.position, &b.position));
        hits.truncate(self.limit);
        let facets = counts
            .into_iter()
            .map(|((facet, value), count)| FacetCount {
                facet,
                value,
                count,
            })
            .collect();
        Ok(Collected {
            hits,
            total,
            facets,
        })
    }
}

impl Page {
    /// A listing in name order that counts nothing can stop once its page is full.
    fn stops_early(&self) -> bool {
        self.sort == Sort::Name && self.facets.is_empty()
    }
}

/// The order of results across segments, by their real sort keys.
fn compare(sort: Sort, a: &Position, b: &Position) -> Ordering {
    let by_id = || a.id.cmp(&b.id);
    match sort {
        Sort::Relevance => b
            .score
            .total_cmp(&a.score)
            .then_with(|| a.name_sort.cmp(&b.name_sort))
            .then_with(by_id),
        Sort::Name => a.name_sort.cmp(&b.name_sort).then_with(by_id),
        Sort::Distance => a.distance.total_cmp(&b.distance).then_with(by_id),
        Sort::Newest => b.id.cmp(&a.id),
    }
}

pub(crate) struct SegmentPage {
    sort: Sort,
    limit: usize,
    near: Option<Near>,
    ids: StrColumn,
    names: StrColumn,
    /// In name order without facets: the name keys the segment is sorted by.
    name_keys: Option<Column<u64>>,
    location: Option<(Column<f64>, Column<f64>)>,
    facets: Vec<(Facet, StrColumn, Vec<u32>)>,
    total: u64,
    cursor: Option<Key>,
    /// Names of a block of documents, reused from block to block.
    block: Vec<Option<u64>>,
    /// The best `limit` documents so far, the worst on top, with their score and distance
    /// as bits.
    best: BinaryHeap<(Key, DocId, u32, u64)>,
}

pub(crate) struct SegmentFruit {
    hits: Vec<Hit>,
    total: u64,
    facets: Vec<(Facet, String, u32)>,
}

impl SegmentPage {
    /// Whether `doc`, and every document after it in a segment sorted by name key, comes after
    /// a full page.
    fn past_page(&self, doc: DocId) -> bool {
        let (Some(keys), Some(worst)) = (&self.name_keys, self.best.peek()) else {
            return false;
        };
        self.best.len() == self.limit && keys.first(doc) > keys.first(worst.1)
    }

    /// The distance in km, or `None` when the document lies outside the radius.
    fn distance(&self, doc: DocId) -> Option<(f64, Option<(f64, f64)>)> {
        let (Some(near), Some((latitudes, longitudes))) = (self.near, &self.location) else {
            return Some((0.0, None));
        };
        match (latitudes.first(doc), longitudes.first(doc)) {
            (Some(latitude), Some(longitude)) => {
                let km = near.distance_km(latitude, longitude);
                match near.radius_km {
                    Some(radius) if km > radius => None,
                    _ => Some((km, Some((latitude, longitude)))),
                }
            }
            _ if near.radius_km.is_some() => None,
            _ => Some((FAR_AWAY, None)),
        }
    }
}

impl SegmentCollector for SegmentPage {
    type Fruit = SegmentFruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.consider(doc, score, None);
    }

    /// Unscored matches come in blocks: in name order, their names are read for the whole
    /// block at once, which unpacks the column faster than one document at a time.
    fn collect_block(&mut self, docs: &[DocId]) {
        if self.sort != Sort::Name {
            for &doc in docs {
                self.consider(doc, 0.0, None);
            }
            return;
        }
        let mut names = std::mem::take(&mut self.block);
        names.clear();
        names.resize(docs.len(), None);
        self.names.ords().first_vals(docs, &mut names);
        for (&doc, name) in docs.iter().zip(&names) {
            self.consider(doc, 0.0, Some(name.map_or(0, own)));
        }
        self.block = names;
    }

    fn harvest(self) -> SegmentFruit {
        self.harvest_page()
    }
}

impl SegmentPage {
    /// Counts a match and keeps it if it belongs on the page; `name` is its name's place when
    /// already read.
    fn consider(&mut self, doc: DocId, score: Score, name: Option<u64>) {
        let Some((distance, _)) = self.distance(doc) else {
            return;
        };
        self.total += 1;
        for (_, column, counts) in &mut self.facets {
            for ord in column.term_ords(doc) {
                counts[ord as usize] += 1;
            }
        }
        // The key is read part by part, each part only when the parts before leave the
        // document a chance: most documents lose to the page's worst on their first part.
        let worst = (self.best.len() == self.limit)
            .then(|| self.best.peek().map(|w| w.0))
            .flatten();
        let cursor = self.cursor;
        let out = |key: &Key, depth: u8| {
            let cut = |other: &Key| match depth {
                0 => key.primary.total_cmp(&other.primary),
                _ => key
                    .primary
                    .total_cmp(&other.primary)
                    .then(key.name.cmp(&other.name)),
            };
            worst.is_some_and(|w| cut(&w) == Ordering::Greater)
                || cursor.is_some_and(|c| cut(&c) == Ordering::Less)
        };
        let mut key = Key {
            primary: match self.sort {
                Sort::Relevance => -f64::from(score),
                Sort::Distance => distance,
                Sort::Name | Sort::Newest => 0.0,
            },
            name: 0,
            id: 0,
        };
        if out(&key, 0) {
            return;
        }
        if matches!(self.sort, Sort::Relevance | Sort::Name) {
            key.name = name.unwrap_or_else(|| self.names.term_ords(doc).next().map_or(0, own));
            if out(&key, 1) {
                return;
            }
        }
        let id = self.ids.term_ords(doc).next().map_or(0, own);
        key.id = match self.sort {
            Sort::Newest => u64::MAX - id,
            _ => id,
        };
        if cursor.is_some_and(|cursor| key <= cursor) {
            return;
        }
        if self.best.len() == self.limit {
            match self.best.peek() {
                Some(worst) if key < worst.0 => {
                    self.best.pop();
                }
                _ => return,
            }
        }
        self.best
            .push((key, doc, score.to_bits(), distance.to_bits()));
    }

    fn harvest_page(self) -> SegmentFruit {
        let mut text = String::new();
        let mut string_of = |column: &StrColumn, doc: DocId| -> String {
            text.clear();
            if let Some(ord) = column.term_ords(doc).next() {
                // A failed read leaves the text empty: the hit is then dropped with the others
                // the database no longer finds.
                let _ = column.ord_to_str(ord, &mut text);
            }
            text.clone()
        };
        let mut hits = Vec::with_capacity(self.best.len());
        for (_, doc, score, distance) in &self.best {
            let location = self.distance(*doc).and_then(|(_, at)| at);
            hits.push(Hit {
                position: Position {
                    score: f64::from(f32::from_bits(*score)),
                    distance: f64::from_bits(*distance),
                    // Only the orders that compare names need them.
                    name_sort: match self.sort {
                        Sort::Relevance | Sort::Name => string_of(&self.names, *doc),
                        Sort::Distance | Sort::Newest => String::new(),
                    },
                    id: string_of(&self.ids, *doc),
                },
                location,
            });
        }
        let mut facets = Vec::new();
        for (facet, column, counts) in &self.facets {
            for (ord, &count) in counts.iter().enumerate() {
                if count > 0 {
                    let mut value = String::new();
                    if column.ord_to_str(ord as u64, &mut value).unwrap_or(false) {
                        facets.push((*facet, value, count));
                    }
                }
            }
        }
        SegmentFruit {
            hits,
            total: self.total,
            facets,
        }
    }
}
