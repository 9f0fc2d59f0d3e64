"""The two outside checkers the tour uses, both installed from npm by `make setup` (package.json):
axe-core, injected into pages by Playwright, and the Nu Html Checker (vnu.jar), run with the
machine's Java on saved HTML (it refuses to fetch 127.0.0.1 URLs itself).

When either is missing the tests fail with the command that installs it; they are never skipped.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
INSTALL_HINT = "run `make setup` (or `npm ci` in the project's root; it needs node and npm)"

# WCAG 2.0, 2.1 and 2.2 A and AA rules, and axe's best practices (landmarks, headings...).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
BLOCKING_IMPACTS = {"serious", "critical"}
# What a change between the light and the dark scheme can break.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# What a change of screen size can break: the HTML is the same, the layout is not. (Names,
# labels, landmarks and ARIA come from the HTML, so one full pass checks them for every size.)
LAYOUT_RULES = [
    *COLOUR_RULES,  # text over other boxes, and boxes shown only on one size
    "target-size",
    "scrollable-region-focusable",
    "meta-viewport",
    "css-orientation-lock",
]


def axe_script() -> Path:
    if not AXE_JS.exists():
        raise AssertionError(f"axe-core is not installed ({AXE_JS} is missing): {INSTALL_HINT}")
    return AXE_JS


@dataclass(frozen=True)
class Violation:
    rule: str
    impact: str
    help: str
    targets: list[str]
    details: list[str]

    def describe(self) -> str:
        where = "; ".join(
            f"{target} ({detail})" if detail else target
            for target, detail in zip(self.targets, self.details, strict=True)
        )
        return f"{self.rule} [{self.impact}] {self.help}: {where}"


AXE_PATH = "/__axe-core.min.js"


def serve_axe(context: Any, base_url: str) -> None:
    """Serve axe-core at a URL of the site itself, in this browser context only: the site's
    Content-Security-Policy allows scripts from 'self' alone, and the tour keeps that policy on
    (an inline script tag would need it turned off)."""
    script = axe_script().read_bytes()
    context.route(
        f"{base_url}{AXE_PATH}",
        lambda route: route.fulfill(body=script, content_type="text/javascript"),
    )


def run_axe(page: Any, *, rules: list[str] | None = None) -> list[Violation]:
    """axe-core's serious and critical violations on the page as it is now (the page's context
    must have been given `serve_axe`): every WCAG A/AA rule and best practice, or just `rules`
    (COLOUR_RULES for a second pass in the other colour scheme, LAYOUT_RULES for a second
    screen size)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(url=AXE_PATH)
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": AXE_TAGS}
    result = page.evaluate(
        """async (runOnly) => {
            const r = await axe.run(document, {runOnly, resultTypes: ['violations']});
            return r.violations.map(v => ({
                rule: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => n.target.join(' ')),
                details: v.nodes.map(n => (n.any.concat(n.all, n.none)[0] || {}).message || ''),
            }));
        }""",
        run_only,
    )
    return [Violation(**item) for item in result if item["impact"] in BLOCKING_IMPACTS]


def java() -> str:
    found = shutil.which("java")
    if not found:
        raise AssertionError(
            "Java is not installed: the Nu Html Checker needs it "
            "(Debian: apt-get install default-jre-headless)"
        )
    return found


def vnu_jar() -> Path:
    if not VNU_JAR.exists():
        raise AssertionError(f"vnu-jar is not installed ({VNU_JAR} is missing): {INSTALL_HINT}")
    return VNU_JAR


def run_vnu(files: list[Path]) -> dict[str, list[str]]:
    """The Nu Html Checker's errors per file name, for all the files in one run (a JVM start
    costs a second or two, so the tour checks every page at once)."""
    completed = subprocess.run(  # noqa: S603 - fixed arguments, our own files
        [
            java(),
            "-jar",
            str(vnu_jar()),
            "--format",
            "json",
            "--exit-zero-always",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    report = json.loads(completed.stderr or completed.stdout)
    errors: dict[str, list[str]] = {}
    for message in report["messages"]:
        if message["type"] not in ("error", "non-document-error"):
            continue
        name = Path(message.get("url", "?")).name
        line = message.get("lastLine", "?")
        extract = " ".join(message.get("extract", "").split())[:120]
        errors.setdefault(name, []).append(f"line {line}: {message['message']} [{extract}]")
    return errors
