"""Making questions: by template and level, or from a code.

Template modules are imported on demand: a code or a template id imports only the
module that registers it (templates.INDEX), a listing imports them all.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from cnnquiz.i18n import Lang
from cnnquiz.questions import codes
from cnnquiz.questions import templates as package
from cnnquiz.questions.model import Question
from cnnquiz.questions.template import LATEST, REGISTRY, Template, realise
from cnnquiz.topics import ORDER

_loaded = False


def modules() -> list[str]:
    """Every module of the templates package, by name (what `load` imports)."""
    return sorted(m.name for m in pkgutil.iter_modules(package.__path__))


def load() -> None:
    """Import every template module once (they register themselves)."""
    global _loaded
    if not _loaded:
        for name in modules():
            importlib.import_module(f"{package.__name__}.{name}")
        _loaded = True


def _load_module_of(short: str | None = None, template_id: str | None = None) -> None:
    """Import the one module that registers `short` or `template_id`, per the index;
    everything when the index does not know it (a new template not yet indexed)."""
    for s, (tid, module, _, _) in package.INDEX.items():
        if s == short or tid == template_id:
            importlib.import_module(f"{package.__name__}.{module}")
            return
    load()


@dataclass(frozen=True)
class Listed:
    """A template as the index describes its newest version: enough to choose it."""

    id: str
    short: str
    topic: str
    levels: tuple[int, ...]


def listing(topics: Iterable[str] | None = None) -> list[Listed]:
    """What `templates(topics)` lists, read from the index without importing a template
    (a drill chooses among all of them, then makes a question of one)."""
    wanted = set(topics) if topics else None
    out = [Listed(tid, short, topic, levels)
           for short, (tid, _, topic, levels) in package.INDEX.items()
           if wanted is None or topic in wanted]
    return sorted(out, key=lambda t: (ORDER[t.topic], t.id))


def templates(topics: Iterable[str] | None = None, level: int | None = None) -> list[Template]:
    """The newest version of each template, in topic-map order, optionally filtered."""
    return list(_templates(tuple(sorted(set(topics))) if topics else None, level))


@lru_cache(maxsize=256)
def _templates(topics: tuple[str, ...] | None, level: int | None) -> tuple[Template, ...]:
    load()
    wanted = set(topics) if topics else None
    out = [t for t in LATEST.values()
           if (wanted is None or t.topic in wanted) and (level is None or level in t.levels)]
    return tuple(sorted(out, key=lambda t: (ORDER[t.topic], t.id)))


def get(template_id: str) -> Template:
    if template_id not in LATEST:
        _load_module_of(template_id=template_id)
    try:
        return LATEST[template_id]
    except KeyError:
        raise codes.CodeError(f"unknown template {template_id!r}") from None


def make(tpl: Template | str, level: int, seed: int, lang: Lang = "en") -> Question:
    t = get(tpl) if isinstance(tpl, str) else tpl
    if level not in t.levels:
        level = min(t.levels, key=lambda lv: abs(lv - level))
    code = str(codes.Code(t.short, t.version, level, seed % codes.MAX_SEED))
    return realise(t, level, seed % codes.MAX_SEED, lang, code)


def from_code(code: str, lang: Lang = "en") -> Question:
    """Regenerate the generated question a code names (`bank:<id>` codes are resolved one
    layer up, by cnnquiz.application, since questions never import the bank)."""
    c = codes.parse(code)
    if (c.short, c.version) not in REGISTRY:
        _load_module_of(short=c.short)
    tpl = REGISTRY.get((c.short, c.version))
    if tpl is None:
        raise codes.CodeError(f"no template for code {code.strip()[:40]!r}")
    if c.level not in tpl.levels:
        raise codes.CodeError(f"template {tpl.id} has no level {c.level}")
    return realise(tpl, c.level, c.seed, lang, str(c))
