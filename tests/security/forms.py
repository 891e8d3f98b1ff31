"""The forms and query parameters of a page, read from its HTML as a browser would."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

from bs4 import BeautifulSoup


@dataclass
class Field:
    name: str
    kind: str  # text, textarea, number, date, select, checkbox, radio, hidden, …
    value: str | list[str]
    choices: list[str] = field(default_factory=list)
    maxlength: int | None = None


@dataclass
class Form:
    method: str
    action: str
    fields: list[Field]

    def values(self) -> dict:
        """What the browser would submit as the page stands."""
        data: dict = {}
        for f in self.fields:
            if f.value in ("", []) and f.kind in ("checkbox", "radio"):
                continue
            data[f.name] = f.value
        return data


def _value(tag) -> tuple[str, str | list[str], list[str]]:
    if tag.name == "textarea":
        return "textarea", tag.text, []
    if tag.name == "select":
        options = [o.get("value", o.text) for o in tag.find_all("option")]
        chosen = [
            o.get("value", o.text)
            for o in tag.find_all("option")
            if o.has_attr("selected")
        ]
        if tag.has_attr("multiple"):
            return "select", chosen, options
        return "select", (chosen or options[:1] or [""])[0], options
    kind = (tag.get("type") or "text").lower()
    if kind in ("checkbox", "radio"):
        return (
            kind,
            tag.get("value", "on") if tag.has_attr("checked") else "",
            [tag.get("value", "on")],
        )
    return kind, tag.get("value", ""), []


def forms_of(html: str, url: str) -> list[Form]:
    soup = BeautifulSoup(html, "html.parser")
    found = []
    path = urlsplit(url).path
    for tag in soup.find_all("form"):
        method = (tag.get("method") or "get").lower()
        action = tag.get("action") or path
        fields: dict[str, Field] = {}
        for control in tag.find_all(["input", "textarea", "select"]):
            name = control.get("name")
            if not name or control.has_attr("disabled") or "__prefix__" in name:
                continue
            kind, value, choices = _value(control)
            if kind in ("submit", "button", "file", "image", "reset"):
                continue
            maxlength = control.get("maxlength")
            if name in fields and kind in ("checkbox", "radio"):
                existing = fields[name]
                existing.choices += choices
                if value:
                    if kind == "checkbox":
                        current = existing.value
                        current = current if isinstance(current, list) else [current]
                        existing.value = [v for v in current if v] + [value]
                    else:
                        existing.value = value
                continue
            fields[name] = Field(
                name=name,
                kind=kind,
                value=value,
                choices=choices,
                maxlength=int(maxlength) if maxlength and maxlength.isdigit() else None,
            )
        found.append(Form(method=method, action=action, fields=list(fields.values())))
    return found


def query_parameters(html: str, url: str) -> dict[str, str]:
    """Parameters the page's own links put in its address (pagination, sorting)."""
    soup = BeautifulSoup(html, "html.parser")
    path = urlsplit(url).path
    params: dict[str, str] = dict(parse_qsl(urlsplit(url).query))
    for link in soup.find_all("a", href=True):
        parts = urlsplit(link["href"])
        if parts.query and parts.path in ("", path):
            for key, value in parse_qsl(parts.query):
                params.setdefault(key, value)
    return params
