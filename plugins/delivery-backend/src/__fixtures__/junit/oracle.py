#!/usr/bin/env python3
"""Independent oracle for the JUnit fixtures in this folder.

Written from Runway's documented JUnit semantics (not from the TypeScript
parser). `python3 oracle.py` recomputes the "expected" field of every entry in
manifest.json, rewrites manifest.json and prints a table.

Semantics implemented:
- Root is <testsuites> or <testsuite>; <testsuite> may nest to any depth.
- Suite path = `name` of the enclosing <testsuite> elements, outermost first
  (the <testsuites> root is not part of it), joined with " › "; missing name = "".
- Identity = (suite path, the `hostname` attributes of the enclosing suites,
  classname or "", name or ""). Playwright writes each project's suites under
  the same name with the project as hostname: they hold different tests.
- Each <testcase> is one attempt. Outcome: "failed" if it has a <failure> or
  <error> child, else "skipped" if it has a <skipped> child, else "passed".
- Final outcome per identity = outcome of its last attempt (document order),
  but "flaky" when a failed attempt is followed later by a passed attempt, or
  when the last attempt passed and any attempt has a <flakyFailure>/<flakyError>
  child or <properties><property name="flaky" value="true"/> (name compared
  case-insensitively).
- attempts = <testcase> elements + their <flakyFailure>, <flakyError>,
  <rerunFailure>, <rerunError> children.
- durationSeconds = root <testsuites> `time` if present, else the sum over the
  top-level <testsuite> elements of duration(suite), where duration(suite) is
  its own `time` if present, else sum(duration(child suites)) + the `time` of
  its direct <testcase> children. Times: thousands commas removed, missing or
  empty = 0, rounded to 6 decimals. Any `time` attribute in the file that is
  not a number at all makes durationSeconds null.
Sums are done with decimal.Decimal, so the value is exact before rounding.
"""
import gzip
import json
import re
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal, ROUND_HALF_EVEN
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEP = " \u203a "
RETRY_CHILDREN = {"flakyFailure", "flakyError", "rerunFailure", "rerunError"}
NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


class NotANumber(Exception):
    pass


def parse_time(value):
    """Decimal seconds; None/empty -> 0; raises NotANumber for junk."""
    if value is None:
        return Decimal(0)
    text = value.strip().replace(",", "")
    if text == "":
        return Decimal(0)
    if not NUMBER.match(text):
        raise NotANumber(value)
    return Decimal(text)


def local(tag):
    return tag.rsplit("}", 1)[-1]  # tolerate namespaced tags


def outcome(tc):
    kids = {local(c.tag) for c in tc}
    if "failure" in kids or "error" in kids:
        return "failed"
    if "skipped" in kids:
        return "skipped"
    return "passed"


def has_flaky_marker(tc):
    for c in tc:
        tag = local(c.tag)
        if tag in ("flakyFailure", "flakyError"):
            return True
        if tag == "properties":
            for p in c:
                if (local(p.tag) == "property"
                        and (p.get("name") or "").lower() == "flaky"
                        and p.get("value") == "true"):
                    return True
    return False


def testcases(elem, path, hosts):
    """Yield (suite_path, hosts, testcase) in document order."""
    for child in elem:
        tag = local(child.tag)
        if tag == "testcase":
            yield path, hosts, child
        elif tag == "testsuite":
            yield from testcases(child, path + [child.get("name") or ""],
                                 hosts + [child.get("hostname") or ""])
        else:
            yield from testcases(child, path, hosts)


def duration(suite):
    if "time" in suite.attrib:
        return parse_time(suite.get("time"))
    total = Decimal(0)
    for child in suite:
        if local(child.tag) == "testsuite":
            total += duration(child)
        elif local(child.tag) == "testcase":
            total += parse_time(child.get("time"))
    return total


def root_duration(root):
    if local(root.tag) == "testsuites":
        if "time" in root.attrib:
            return parse_time(root.get("time"))
        return sum((duration(s) for s in root if local(s.tag) == "testsuite"), Decimal(0))
    return duration(root)


def expected_for(path):
    if path.suffix == ".gz":
        with gzip.open(path) as f:
            root = ET.parse(f).getroot()
    else:
        root = ET.parse(path).getroot()
    if local(root.tag) not in ("testsuites", "testsuite"):
        raise ValueError(f"{path.name}: root is <{local(root.tag)}>")
    is_suite = local(root.tag) == "testsuite"
    start = [root.get("name") or ""] if is_suite else []
    start_hosts = [root.get("hostname") or ""] if is_suite else []
    attempts = {}  # identity -> list of (outcome, flaky marker)
    extra = 0
    count = 0
    for suite_path, hosts, tc in testcases(root, start, start_hosts):
        ident = (SEP.join(suite_path), tuple(hosts), tc.get("classname") or "",
                 tc.get("name") or "")
        attempts.setdefault(ident, []).append((outcome(tc), has_flaky_marker(tc)))
        extra += sum(1 for c in tc if local(c.tag) in RETRY_CHILDREN)
        count += 1

    totals = {"failed": 0, "skipped": 0, "flaky": 0, "passed": 0}
    for runs in attempts.values():
        outs = [o for o, _ in runs]
        final = outs[-1]
        fail_then_pass = any(o == "failed" and "passed" in outs[i + 1:]
                             for i, o in enumerate(outs))
        marked = final == "passed" and any(m for _, m in runs)
        totals["flaky" if fail_then_pass or marked else final] += 1

    try:
        for el in root.iter():
            if "time" in el.attrib:
                parse_time(el.get("time"))
        dur = root_duration(root)
        seconds = float(dur.quantize(Decimal("0.000001"), rounding=ROUND_HALF_EVEN))
    except NotANumber:
        seconds = None

    return {"tests": len(attempts), **totals,
            "attempts": count + extra, "testcaseElements": count,
            "durationSeconds": seconds}


def main():
    manifest_path = HERE / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    for entry in manifest:
        entry["expected"] = expected_for(HERE / entry["file"])
    manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    cols = ["tests", "failed", "skipped", "flaky", "passed", "attempts",
            "testcaseElements", "durationSeconds"]
    print(f"{'file':<38}" + "".join(f"{c[:9]:>10}" for c in cols) + f"{'runner tests':>14}")
    for e in manifest:
        x = e["expected"]
        rt = (e.get("runnerTotals") or {}).get("tests")
        print(f"{e['file']:<38}" + "".join(f"{str(x[c]):>10}" for c in cols) + f"{str(rt):>14}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
