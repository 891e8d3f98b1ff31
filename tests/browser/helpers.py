"""Checks shared by the browser journeys."""

BLOCKING_IMPACTS = {"serious", "critical"}


def format_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            summary = node["failureSummary"].replace("\n", " ")
            lines.append(f"  {', '.join(node['target'])}: {summary}")
    return "\n".join(lines)


def assert_accessible(page, axe):
    violations = [v for v in axe(page) if v["impact"] in BLOCKING_IMPACTS]
    assert not violations, f"{page.url}\n{format_violations(violations)}"


def assert_same_origin(page, live_server):
    foreign = [url for url in page.requests if not url.startswith(live_server.url)]
    assert not foreign, foreign


def assert_heading(page, text):
    assert page.get_by_role("heading", level=1).inner_text() == text
