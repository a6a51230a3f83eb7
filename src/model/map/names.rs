//! Where the map writes its places' names: a shape's inside it, a site's beside its
//! circle, clear of one another, of the circles, the legend and the box's edges.

use super::MapSpec;
use anju_data::geometry::contains;
use anju_data::text::em_width;

/// The names' size on the map, in CSS px.
pub const NAME: f64 = 12.0;

/// Where a name is tried, in half its width along and its height across, in order.
const NUDGES: [(f64, f64); 9] =
    [(0.0, 0.0), (0.5, 0.0), (-0.5, 0.0), (0.0, 1.0), (0.0, -1.0), (1.0, 0.0), (-1.0, 0.0), (0.5, 1.0), (-0.5, -1.0)];

impl MapSpec {
    /// The names written in a `w`×`h` box, as (place index, centre in CSS px): each only
    /// where its box lies inside its place, clear of every name already placed and of the
    /// legend and the box's edges, widest places first (they carry the map).
    pub fn names(&self, w: f64, h: f64) -> Vec<(usize, (f64, f64))> {
        let (m, f) = (self, self.frame(w, h));
        let mut by_width: Vec<usize> = (0..m.places.len()).filter(|&i| MapSpec::drawn(&m.places[i])).collect();
        anju_data::order::sort_by(&mut by_width, |&a, &b| m.places[b].width.total_cmp(&m.places[a].width));
        // No name over a circle.
        let mut placed: Vec<([f64; 2], [f64; 2])> = (m.places.iter())
            .filter_map(|p| {
                // As far as a click reaches it.
                let r = p.dot? + 2.0;
                let (x, y) = f.to_screen(p.at);
                Some(([x - r, y - r], [x + r, y + r]))
            })
            .collect();
        let mut out = Vec::new();
        for i in by_width {
            let p = &m.places[i];
            // A site's name keeps its glyphs' whole height clear of the circles around it; a
            // shape's only its body's inside the shape.
            let tall = if p.dot.is_some() { NAME * 0.6 } else { NAME * 0.45 };
            let half = em_width(&p.label) * NAME / 2.0;
            let (x0, y0) = f.to_screen(p.at);
            // A site's name goes right of its circle, else left, above or below; a shape's at its label
            // point, else nudged along and across it (a county's label point is often near a
            // bend where the name would run out of it).
            let beside = p.dot.map(|r| {
                // Clear of its own circle's reach (r + 2) by the 2 px names keep apart, and more.
                let (d, v) = (r + 6.0 + half, r + 6.0 + tall);
                [(x0 + d, y0), (x0 - d, y0), (x0, y0 - v), (x0, y0 + v)]
            });
            let tries: Vec<(f64, f64)> = match beside {
                Some(b) => b.to_vec(),
                None => NUDGES.iter().map(|&(dx, dy)| (x0 + dx * half, y0 + dy * NAME)).collect(),
            };
            let spot = tries.into_iter().find(|&(x, y)| {
                let b = ([x - half, y - tall], [x + half, y + tall]);
                // All four corners of its box inside its own place: light text on a dark fill
                // must not run out onto the background, where it would vanish.
                let corners = [(b.0[0], b.0[1]), (b.1[0], b.0[1]), (b.0[0], b.1[1]), (b.1[0], b.1[1])];
                let within = match p.dot {
                    // Nowhere a tap would reach another circle: a name beside a neighbour reads
                    // as the neighbour's.
                    Some(_) => {
                        let (mx, my) = ((b.0[0] + b.1[0]) / 2.0, (b.0[1] + b.1[1]) / 2.0);
                        let mid = [(mx, b.0[1]), (mx, b.1[1]), (b.0[0], my), (b.1[0], my)];
                        corners.iter().chain(&mid).all(|&(cx, cy)| m.place_at(f, cx, cy).is_none_or(|j| j == i))
                    }
                    None => corners.iter().all(|&(cx, cy)| contains(&p.rings, f.to_unit(cx, cy))),
                };
                let clear = placed
                    .iter()
                    .all(|o| b.1[0] + 2.0 < o.0[0] || o.1[0] + 2.0 < b.0[0] || b.1[1] < o.0[1] || o.1[1] < b.0[1]);
                within && clear && b.0[0] >= m.legend_w(w) && b.1[0] <= w && b.0[1] >= 0.0 && b.1[1] <= h
            });
            if let Some((x, y)) = spot {
                placed.push(([x - half, y - tall], [x + half, y + tall]));
                out.push((i, (x, y)));
            }
        }
        out
    }
}
