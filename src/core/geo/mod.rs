//! Geography: the projection, the map's viewport, the bundled base map, clustering of
//! marks, label placement and each event's place in world units.
pub mod basemap;
pub mod cluster;
pub mod labels;
pub mod located;
pub mod marks;
pub mod projection;
pub mod viewport;
