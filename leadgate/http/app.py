"""The HTTP shell: VICIdial's three URLs and a health check, over the wire layer."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from leadgate.delivery.dispatcher import webhook_dispatcher
from leadgate.domain import phone_code_facts, webhooks_queue
from leadgate.domain.auth import RecentLogins
from leadgate.domain.passwords import PasswordVerifier
from leadgate.http.body import (
    FORM_TYPES,
    BodyTooLarge,
    BodyTooSlow,
    ClientGone,
    form_pairs,
    read_body,
)
from leadgate.http.client_address import ForwardedClient, TrustedProxies
from leadgate.http.middleware import (
    MergeSlashes,
    RequestLog,
    configure_access_log,
    not_found,
)
from leadgate.settings import Settings, load_settings
from leadgate.storage.database import Database, limit_malloc_arenas
from leadgate.wire.reply import Reply
from leadgate.wire.request import ApiRequest, parse_params
from leadgate.wire.service import ApiService
from leadgate.workers.session_engine import engine_for

HEADERS = {
    "Cache-Control": "no-cache, must-revalidate",
    "Pragma": "no-cache",
}
MEDIA_TYPE = "text/html; charset=utf-8"
API_METHODS = "GET, POST"


async def _api_request(request: Request, settings: Settings) -> ApiRequest:
    body = b""
    if request.method == "POST":
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        raw = await read_body(request, settings.max_body_bytes, settings.body_timeout_seconds)
        if content_type in FORM_TYPES:
            body = raw
        elif content_type == "multipart/form-data":
            # Re-encoded properly, so that `50% off & more` stays one value of one field.
            body = urlencode(await form_pairs(request, raw)).encode()
    query = request.scope.get("query_string", b"")
    return ApiRequest(
        params=parse_params(query, body),
        client_ip=request.client.host if request.client else "",
        path=request.url.path,
        query_string=query.decode("latin-1"),
        body_string=body.decode("utf-8", "replace"),
    )


def _response(reply: Reply) -> Response:
    return Response(reply.body, status_code=reply.status, headers=HEADERS, media_type=MEDIA_TYPE)


def _refusal(status: int, text: str) -> Response:
    # The rest of the body is not read: the connection cannot be reused.
    return PlainTextResponse(text, status_code=status, headers={"Connection": "close"})


def create_app(
    settings: Settings | None = None,
    db: Database | None = None,
    *,
    start_session_engine: bool = True,
) -> Starlette:
    settings = settings or load_settings()
    database = db or Database(settings.db_url)
    # Call URLs are queued with the change that fires them, in its transaction.
    database.add_event_consumer(webhooks_queue.consume)
    service = ApiService(
        database,
        settings,
        PasswordVerifier(settings.auth_cache_seconds, threads=settings.auth_threads),
        RecentLogins(settings.login_row_cache_seconds),
    )

    def endpoint(
        serve: Callable[[ApiRequest], Awaitable[Reply]],
    ) -> Callable[[Request], Awaitable[Response]]:
        async def api(request: Request) -> Response:
            if request.method == "HEAD":
                # Answering HEAD would mean running the function: nothing may change.
                return Response(status_code=405, headers={"Allow": API_METHODS})
            try:
                api_request = await _api_request(request, settings)
            except BodyTooLarge:
                return _refusal(413, "request body too large\n")
            except BodyTooSlow:
                return _refusal(408, "request body not received in time\n")
            except ClientGone:
                return _refusal(400, "")
            return _response(await serve(api_request))

        return api

    non_agent_api = endpoint(service.non_agent)
    agent_api = endpoint(service.agent)

    async def health(_request: Request) -> Response:
        try:
            await database.run(_ping, database)
        except Exception:
            return PlainTextResponse("database unavailable\n", status_code=503)
        return PlainTextResponse("OK\n")

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        # Build the phone-code tables before the first add_lead, not during it.
        phone_code_facts.warm_up()
        session_engine = engine_for(settings, database) if start_session_engine else None
        if session_engine is not None:
            session_engine.start()
        async with webhook_dispatcher(database, settings):
            yield
        if session_engine is not None:
            session_engine.stop()
        service.verifier.close()
        if db is None:
            database.dispose()

    methods = ["GET", "POST"]
    app = Starlette(
        routes=[
            Route("/vicidial/non_agent_api.php", non_agent_api, methods=methods),
            Route("/API/lmapi.php", non_agent_api, methods=methods),
            Route("/agc/api.php", agent_api, methods=methods),
            Route("/health", health, methods=["GET", "HEAD"]),
        ],
        lifespan=lifespan,
        middleware=_middleware(settings),
    )
    app.router.default = not_found
    app.state.service = service
    return app


def _middleware(settings: Settings) -> list[Middleware]:
    # No access-log layer at all when it is off: it would cost every request a few µs.
    # Likewise no proxy layer when no proxy is trusted; when there is one it comes first, so
    # that every layer and route sees the caller it names.
    layers = [Middleware(MergeSlashes)]
    if settings.access_log != "off":
        configure_access_log()
        layers.insert(0, Middleware(RequestLog, mode=settings.access_log))
    proxies = TrustedProxies(settings.trusted_proxies)
    if proxies:
        layers.insert(0, Middleware(ForwardedClient, proxies=proxies))
    return layers


def _ping(database: Database) -> None:
    with database.engine.connect() as conn:
        conn.exec_driver_sql("SELECT 1")


def create_app_from_env() -> Starlette:
    """Factory for server worker processes: configuration comes from LEADGATE_* variables."""
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    limit_malloc_arenas()  # before the worker threads exist: bounded memory (issue 8 item 8)
    return create_app(load_settings())
