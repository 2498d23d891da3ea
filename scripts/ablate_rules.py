"""Which rules of the cleaner carry weight? Make each one say False and count what changes.

Each rule (a function of extractors/cleaning that returns bool) is made to return False in turn,
in its own module and wherever another module imported it, with the cached name tests cleared;
both dev sets are cleaned and scored as `scripts/eval_cleaning.py` does, and the F1 changes and
the pages whose text changed are printed. A rule that changes no page is subsumed by the others on
these pages or serves pages unlike them (add a stand-in flag of eval_cleaning.py to see which); a
rule whose removal raises both sets' F1 costs more than it brings. `--tests` also runs the
cleaning tests with each rule made to say False and names the rules that no test fails without
(a rule nobody would miss if it broke).

    uv run python scripts/ablate_rules.py [boilerplate._calendar ...] [--tests] [--ignore-names ...]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib
import inspect
import io
import pkgutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FunctionType, ModuleType

import pytest
from cleaning_sensitivity import run
from eval_cleaning import DATA, SNIPPET_DATA, add_stand_in_options, apply_stand_ins, shared, warm_up

import extractors.cleaning

ROOT = Path(__file__).resolve().parent.parent
TESTS = (
    "tests/extractors/cleaning",
    "tests/extractors/test_html_cleaning.py",
    "tests/extractors/test_text_cleaning.py",
)


@functools.cache
def modules() -> tuple[ModuleType, ...]:
    """Every module of the cleaning package (the package's folder read once)."""
    package = extractors.cleaning
    return tuple(
        importlib.import_module(f"{package.__name__}.{m.name}")
        for m in pkgutil.iter_modules(package.__path__)
    )


def rules(names: list[str]) -> list[tuple[str, Callable[..., bool]]]:
    """`module.name` and function of each rule (all, or those in `names`), in module order."""
    found = [
        (f"{module.__name__.rsplit('.', 1)[1]}.{name}", fn)
        for module in modules()
        for name, fn in vars(module).items()
        if isinstance(fn, FunctionType)
        and fn.__module__ == module.__name__
        and inspect.signature(fn).return_annotation in ("bool", bool)
    ]
    return [rule for rule in found if not names or rule[0] in names]


@contextlib.contextmanager
def saying_false(rule: Callable[..., bool]) -> Iterator[None]:
    """`rule` returns False wherever a cleaning module or a loaded test module holds it, with the
    caches emptied before and after."""
    tests = [module for name, module in list(sys.modules.items()) if name.startswith("tests.")]
    holders = [
        (module, name)
        for module in [*modules(), *tests]
        for name, value in list(vars(module).items())
        if value is rule
    ]
    for module, name in holders:
        setattr(module, name, lambda *args, **kwargs: False)
    _clear_caches()
    try:
        yield
    finally:
        for module, name in holders:
            setattr(module, name, rule)
        _clear_caches()


def _clear_caches() -> None:
    """Empty the cleaning modules' caches (the name tests': their answers may rest on a rule)."""
    for module in modules():
        for value in vars(module).values():
            if hasattr(value, "cache_clear"):
                value.cache_clear()


def tests_pass() -> bool:
    """The cleaning tests pass in this process (so they see the rule as patched here)."""
    with contextlib.redirect_stdout(io.StringIO()):
        code = pytest.main(["-q", "-n0", "-p", "no:cacheprovider", *(str(ROOT / t) for t in TESTS)])
    return code == pytest.ExitCode.OK


def main(argv: list[str] | None = None) -> int:
    """Make each rule say False; print F1 changes and changed pages of both sets (and the tests)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("rules", nargs="*", help="module.name (default: every rule)")
    ap.add_argument("--tests", action="store_true", help="also run the cleaning tests without each rule")
    add_stand_in_options(ap)
    args = ap.parse_args(argv)
    if args.tests and any(value for name, value in vars(args).items() if name not in ("rules", "tests")):
        ap.error("--tests runs the tests as they are written: give it no stand-in flag")
    apply_stand_ins(args)
    articles, snippets = shared(DATA), shared(SNIPPET_DATA)
    out = Path(tempfile.mkdtemp(prefix="ablate-rules-"))
    warm_up(snippets)
    with contextlib.redirect_stdout(io.StringIO()):
        base = run(articles, snippets, out)
    print(f"as is: article-text F1 {base[2]:.4f}, snippets F1 {base[3]:.4f}")
    # A first run of the tests also loads their modules, so that a rule they import is patched there too.
    if args.tests and not tests_pass():
        ap.error("the cleaning tests fail with every rule as it is")
    untested = []
    for spec, rule in rules(args.rules):
        with saying_false(rule):
            with contextlib.redirect_stdout(io.StringIO()):
                texts_a, texts_s, f1_a, f1_s = run(articles, snippets, out)
            if args.tests and tests_pass():
                untested.append(spec)
        changed_a = sum(texts_a[page] != base[0][page] for page in base[0])
        changed_s = sum(texts_s[page] != base[1][page] for page in base[1])
        print(
            f"{spec}: article-text {f1_a - base[2]:+.4f} ({changed_a} pages changed), "
            f"snippets {f1_s - base[3]:+.4f} ({changed_s} pages changed)",
            flush=True,
        )
    if args.tests:
        print("no test fails without: " + (", ".join(untested) or "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
