"""The fictional sites of the mock web; `build_all(phase)` assembles every host's routes and truth."""
from __future__ import annotations

from ..web import SiteBuild


def build_all(phase: int = 1) -> dict[str, SiteBuild]:
    from . import hostile, mirrors, partners, wire

    builds = [wire.build(phase), *partners.build(phase), *mirrors.build(phase), hostile.build(phase)]
    return {b.host: b for b in builds}
