"""The light public edition: a static site of the public view, per data version
(``python -m analytics.publish --out DIR``). See ``analytics/publish/site.py`` for its layout and
``page.py`` for one page."""

from analytics.publish.site import Published, current_dir, publish, publish_version, refresh

__all__ = ["Published", "current_dir", "publish", "publish_version", "refresh"]
