"""vicidial_url_log wording: what VICIdial writes as a call URL's response."""

from __future__ import annotations

from leadgate.domain.webhooks_delivery import Result


def status_reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def url_log_response(url: str, result: Result) -> str:
    """vicidial_url_log.url_response as VICIdial writes it: the body without ';', or PHP's
    file() error text (PHP's Line/File parts have no equivalent here and are left out)."""
    if result.status is not None and result.status < 400:
        return result.body.replace(";", "")
    if result.status is not None:
        reason = f"HTTP request failed! HTTP/1.1 {result.status} {status_reason(result.status)}\r\n"
    else:
        reason = result.error or "HTTP request failed!"
    return f"PHP ERROR: Type=2 - Message=file({url}): Failed to open stream: {reason}"
