"""Read a Wagtail admin form's values from its HTML, as a browser would post them."""

from wagtail.test.utils.form_data import nested_form_data, streamfield

from bs4 import BeautifulSoup


def admin_form_data(html: str, streamfields: dict | None = None) -> dict:
    """Return the page editor form's values; StreamFields (rendered by JS) are given."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.find("form", attrs={"data-edit-form": True}) or soup.find(
        "form", attrs={"method": "post"}
    )
    data: dict = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("disabled") is not None:
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            chosen = [
                o.get("value", o.text)
                for o in field.find_all("option")
                if o.has_attr("selected")
            ]
            if field.has_attr("multiple"):
                data[name] = chosen
            elif chosen:
                data[name] = chosen[0]
            else:
                first = field.find("option")
                data[name] = first.get("value", "") if first else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                value = field.get("value", "on")
                if field.get("type") == "checkbox" and name in data:
                    existing = (
                        data[name] if isinstance(data[name], list) else [data[name]]
                    )
                    data[name] = [*existing, value]
                else:
                    data[name] = value
        elif field.get("type") in ("submit", "button", "file"):
            continue
        else:
            data[name] = field.get("value", "")
    # Drop the empty "__prefix__" templates of inline panels.
    data = {k: v for k, v in data.items() if "__prefix__" not in k}
    for name, blocks in (streamfields or {}).items():
        data.update(nested_form_data({name: streamfield(blocks)}))
    return data
