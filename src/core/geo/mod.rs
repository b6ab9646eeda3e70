//! Geography: the projection, the map's viewport, the bundled base map, clustering of
//! marks and label placement.
pub mod basemap;
pub mod cluster;
pub mod labels;
pub mod marks;
pub mod projection;
pub mod viewport;
