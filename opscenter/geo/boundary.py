"""One region's shape, as every part of ``opscenter.geo`` hands it out."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely

Ring = np.ndarray  # (n, 2) float64, [lon, lat]


@dataclass(frozen=True)
class Boundary:
    """One region's shape. Equal boundaries have the same code, name, level and extent."""

    code: str  # Kemendagri, "15.01"
    name: str  # official name
    level: str  # one of REGION_LEVELS
    # Polygons; each is (exterior, *holes), arrays (n, 2) float64 [lon, lat], rings closed.
    parts: tuple[tuple[Ring, ...], ...] = field(compare=False, repr=False)
    label_point: tuple[float, float]  # (lon, lat) inside the shape, outside its enclaves
    bbox: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat
    # The same shape for computing (valid: repaired when loaded), and its area in degrees².
    shape: shapely.MultiPolygon = field(compare=False, repr=False)
    area: float = field(compare=False, repr=False)

    def covers(self, lon: float, lat: float) -> bool:
        """The point lies inside the shape or on its edge."""
        x0, y0, x1, y1 = self.bbox
        if not (x0 <= lon <= x1 and y0 <= lat <= y1):
            return False
        shapely.prepare(self.shape)  # once per shape; later calls return at once
        return bool(shapely.intersects_xy(self.shape, lon, lat))
