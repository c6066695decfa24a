"""The light public edition: a static site of the public view, per data version
(``python -m analytics.publish --out DIR``). See ``analytics/publish/site.py`` for its layout and
``page.py`` for one page."""

from analytics.publish.site import LIGHT_FOLDER, Published, current_dir, publish, publish_version

__all__ = ["LIGHT_FOLDER", "Published", "current_dir", "publish", "publish_version"]
