"""Polygons for data.police.uk: encoding (``lat,lng:lat,lng``) and splitting dense areas into quadrants.

The API refuses (HTTP 503) a polygon holding more than 10,000 crimes. The remedy is to split the polygon into
the four quadrants of its bounding box intersected with it, recursively, and merge the answers de-duplicated by
crime id (a crime on a shared edge can come back twice).
"""

from __future__ import annotations

from shapely.geometry import MultiPolygon, Polygon, box
from shapely.geometry.base import BaseGeometry


def to_polygon(points) -> Polygon:
    """From [(lat, lng), ...] (the API's order) or a shapely Polygon (x = longitude, y = latitude)."""
    if isinstance(points, Polygon):
        return points
    coords = [(float(lng), float(lat)) for lat, lng in points]
    polygon = Polygon(coords)
    if not polygon.is_valid:
        polygon = polygon.buffer(0)
    return polygon


def encode(polygon: Polygon, digits: int = 6) -> str:
    """``lat,lng:lat,lng:...`` for the ``poly`` parameter (closing point dropped)."""
    coords = list(polygon.exterior.coords)[:-1]
    return ":".join(f"{lat:.{digits}f},{lng:.{digits}f}" for lng, lat in coords)


def quadrants(polygon: Polygon) -> list[Polygon]:
    """The polygon cut by the four quadrants of its bounding box (empty pieces dropped, multipart pieces split)."""
    minx, miny, maxx, maxy = polygon.bounds
    midx, midy = (minx + maxx) / 2, (miny + maxy) / 2
    pieces: list[Polygon] = []
    for cell in (box(minx, miny, midx, midy), box(midx, miny, maxx, midy), box(minx, midy, midx, maxy),
                 box(midx, midy, maxx, maxy)):
        pieces += _polygons(polygon.intersection(cell))
    return pieces


def _polygons(geometry: BaseGeometry) -> list[Polygon]:
    if geometry.is_empty:
        return []
    if isinstance(geometry, Polygon):
        return [geometry] if geometry.area > 0 else []
    if isinstance(geometry, MultiPolygon):
        return [g for g in geometry.geoms if g.area > 0]
    return [g for g in getattr(geometry, "geoms", []) if isinstance(g, Polygon) and g.area > 0]
