"""Names a learner reads in place of the store's ids (topic slugs)."""

from __future__ import annotations

from cnnquiz.i18n import Lang
from cnnquiz.topics import BY_SLUG


def topic_name(slug: str, lang: Lang | str) -> str:
    """The topic's name in `lang` (the slug itself for a topic the map does not know)."""
    t = BY_SLUG.get(slug)
    return slug if t is None else (t.zh if lang == "zh" else t.en)
