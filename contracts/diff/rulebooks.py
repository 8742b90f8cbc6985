"""Rule-level changes between two editions of one registered API: what their rule books say
beyond the schema (a rule added, removed, raised to an error or lowered to a warning).

A spec file is matched to its API and edition by path through the registry; a spec no API owns
(or two specs of different APIs) has no rule book to compare, and this adds nothing. Rules whose
names hold a `:` are derived from the spec's own fields and are compared as schema already.
"""

from __future__ import annotations

from pathlib import Path

from ..registry import all_apis
from ..rules import Rule, RuleBook
from ..specs import Spec
from ..violations import Severity
from .compare import ALL_OPERATIONS
from .rules import POLICY, REQ, Change


def _owner(spec: Spec) -> tuple[str, RuleBook] | None:
    path = Path(spec.path).resolve()
    for api in all_apis():
        for edition in api.editions:
            if api.spec_path(edition).resolve() == path:
                return api.name, api.rules().rules_of(edition)
    return None


def _hand_written(book: RuleBook) -> dict[str, Rule]:
    return {rule.name: rule for rule in book if ":" not in rule.name}


def _change(kind: str, rule: Rule, old: str | None, new: str | None) -> Change:
    policy = POLICY[kind, REQ]
    location = f"rule {rule.name} ({rule.doc})"
    return Change(policy.level, kind, ALL_OPERATIONS, location, old, new, policy.reason)


def rule_changes(old: Spec, new: Spec) -> list[Change]:
    """The rule-book changes from `old` to `new`, when both are editions of one API."""
    was, now = _owner(old), _owner(new)
    if was is None or now is None or was[0] != now[0]:
        return []
    before, after = _hand_written(was[1]), _hand_written(now[1])
    changes = []
    for name, rule in after.items():
        if name not in before:
            kind = "rule-error-added" if rule.severity is Severity.ERROR else "rule-warning-added"
            changes.append(_change(kind, rule, None, str(rule.severity)))
        elif before[name].severity != rule.severity:
            raised = rule.severity is Severity.ERROR
            kind = "rule-raised" if raised else "rule-lowered"
            changes.append(_change(kind, rule, str(before[name].severity), str(rule.severity)))
    for name, rule in before.items():
        if name not in after:
            changes.append(_change("rule-removed", rule, str(rule.severity), None))
    return changes
