"""The shipped shapes of a level, kept ready after their first load.

Reading a level from its GeoJSON and repairing the source's invalid shapes takes seconds
(about 3 s for the 514 kabupaten/kota, of which 1.6 s is repairing 126 of them; more on a
busy laptop): the first incident point checked against the operation's area, and the map's
first frame, waited for it at every start. The result -- valid shapes, their label points --
is written once to the user's cache folder as flat arrays and read back in a few tens of
milliseconds at the next start (bench/map.py prints both).

The cache belongs to one source file: its name carries the file's SHA-256 and this format's
version, so a new release's data (or a changed repair) is read afresh. A cache that cannot
be read is read afresh too, and one that cannot be written is simply not kept: the shapes
are always right, only slower. Files are private (0600 in a 0700 folder) like everything
the program writes.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import zipfile
from itertools import pairwise
from pathlib import Path

import numpy as np
import platformdirs
import shapely
from shapely import GeometryType

from opscenter.geo.boundary import Boundary
from opscenter.private_files import private_file, private_folder

log = logging.getLogger(__name__)

# Raised whenever what is stored (or how the shapes are repaired) changes.
FORMAT = 1


def cache_folder() -> Path:
    return Path(platformdirs.user_cache_dir("OpsCenter", appauthor=False)) / "geo"


def cache_path(level: str, source: bytes) -> Path:
    digest = hashlib.sha256(source).hexdigest()[:20]
    return cache_folder() / f"{level}-{digest}-v{FORMAT}.npz"


def save(path: Path, found: list[Boundary]) -> None:
    """Keep ``found`` at ``path`` (written whole to a private temporary file, then renamed, so
    a reader never sees half a cache); a failure is logged and otherwise ignored."""
    if not found:
        return
    try:
        _, coords, (ring_ends, poly_ends, geom_ends) = shapely.to_ragged_array(
            np.array([b.shape for b in found], dtype=object)
        )
        folder = private_folder(path.parent)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        os.close(fd)
        try:
            with open(private_file(Path(tmp)), "wb") as out:
                np.savez(
                    out,
                    codes=np.array([b.code for b in found]),
                    names=np.array([b.name for b in found]),
                    level=np.array(found[0].level),
                    labels=np.array([b.label_point for b in found], dtype=np.float64),
                    bboxes=np.array([b.bbox for b in found], dtype=np.float64),
                    areas=np.array([b.area for b in found], dtype=np.float64),
                    coords=coords,
                    ring_ends=ring_ends,
                    poly_ends=poly_ends,
                    geom_ends=geom_ends,
                )
            os.replace(tmp, path)
        finally:
            Path(tmp).unlink(missing_ok=True)
    except (OSError, ValueError, shapely.errors.ShapelyError) as exc:
        log.warning("region shapes not cached at %s: %s", path, exc)


def load(path: Path) -> list[Boundary] | None:
    """The boundaries kept at ``path``; None when there are none or they cannot be read."""
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files}
        coords = arrays["coords"]
        ring_ends, poly_ends, geom_ends = (
            arrays["ring_ends"],
            arrays["poly_ends"],
            arrays["geom_ends"],
        )
        shapes = shapely.from_ragged_array(
            GeometryType.MULTIPOLYGON, coords, (ring_ends, poly_ends, geom_ends)
        )
        level = str(arrays["level"])
        rings = [coords[a:b] for a, b in pairwise(ring_ends.tolist())]
        polygons = [tuple(rings[a:b]) for a, b in pairwise(poly_ends.tolist())]
        out = []
        for i, code in enumerate(arrays["codes"].tolist()):
            lon, lat = arrays["labels"][i].tolist()
            x0, y0, x1, y1 = arrays["bboxes"][i].tolist()
            out.append(
                Boundary(
                    code=code,
                    name=arrays["names"][i].item(),
                    level=level,
                    parts=tuple(polygons[geom_ends[i] : geom_ends[i + 1]]),
                    label_point=(lon, lat),
                    bbox=(x0, y0, x1, y1),
                    shape=shapes[i],
                    area=float(arrays["areas"][i]),
                )
            )
        return out
    except (
        OSError,
        ValueError,
        KeyError,
        IndexError,
        zipfile.BadZipFile,
        shapely.errors.ShapelyError,
    ) as exc:
        log.warning("region shapes cache at %s unreadable, read afresh: %s", path, exc)
        return None
