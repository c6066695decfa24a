"""Who is looking: the public (aggregates only) or a logged-in analyst.

Analysts log in through Streamlit's ``st.login`` when ``[auth]`` is configured in
``.streamlit/secrets.toml`` (OpenID Connect), or with a local account from ``[local_accounts]``
(``name = "<bcrypt hash>"``, made with ``python -m analytics.auth``). Without either, every
visitor is the public and analyst pages do not exist.
"""

from __future__ import annotations

import secrets as token_source
import time

import streamlit as st

from analytics import auth
from analytics.i18n import t, t_markdown
from analytics.ui.session import language

SESSION_USER = "analyst_user"


#: How long the secrets read are reused: without a secrets file (the public deployment) every
#: read looks for the file again, and a page reads them once per query to know its audience.
SECRETS_TTL_S = 2.0
_read: tuple[object, float, dict] | None = None


def _secrets() -> dict:
    global _read
    store, now = st.secrets, time.monotonic()
    if _read is not None and _read[0] is store and now - _read[1] < SECRETS_TTL_S:
        return _read[2]
    try:
        found = {key: store[key] for key in store}
    except Exception:  # no secrets file: the public deployment
        found = {}
    _read = (store, now, found)
    return found


def oidc_configured() -> bool:
    section = _secrets().get("auth") or {}
    return bool(section.get("redirect_uri") and section.get("cookie_secret"))


def local_accounts() -> dict[str, str]:
    section = _secrets().get("local_accounts") or {}
    return {str(name).strip().lower(): str(value) for name, value in dict(section).items()}


def _allowed_oidc_user() -> str | None:
    try:
        user = st.user
        if not getattr(user, "is_logged_in", False):
            return None
        email = str(user.get("email") or "")
    except Exception:
        return None
    allowed = [str(e).lower() for e in (_secrets().get("pantau") or {}).get("analyst_emails", [])]
    if allowed and email.lower() not in allowed:
        return None
    return email or str(user.get("name") or "analyst")


def analyst() -> str | None:
    """The analyst's name, or None for the public."""
    return st.session_state.get(SESSION_USER) or (_allowed_oidc_user() if oidc_configured() else None)


def is_analyst() -> bool:
    return analyst() is not None


def _session_key() -> str:
    if "_session_key" not in st.session_state:
        st.session_state["_session_key"] = token_source.token_hex(8)
    return st.session_state["_session_key"]


def _logout() -> None:
    st.session_state.pop(SESSION_USER, None)


def login_box() -> None:
    """In the sidebar: who is logged in and a way out, or the ways in that are configured."""
    lang = language()
    user = analyst()
    if user:
        st.caption(t_markdown("logged_in_as", lang, user=user))
        if st.session_state.get(SESSION_USER):
            st.button(t("logout", lang), on_click=_logout, key="keluar", width="stretch")
        else:
            st.button(t("logout", lang), on_click=st.logout, key="keluar", width="stretch")
        return
    accounts = local_accounts()
    if not accounts and not oidc_configured():
        return
    with st.expander(t("analyst_login", lang), icon=":material/lock:"):
        if oidc_configured():
            st.button(t("login_oidc", lang), on_click=st.login, key="masuk_oidc", width="stretch")
        if accounts:
            # A callback, not the button's return value: it runs before the script, so a rerun
            # of the page cannot swallow the submission.
            with st.form("masuk_lokal", border=False):
                st.text_input(t("username", lang), max_chars=64, autocomplete="username", key="login_name")
                st.text_input(
                    t("password", lang),
                    type="password",
                    max_chars=128,
                    autocomplete="current-password",
                    key="login_password",
                )
                st.form_submit_button(t("login", lang), width="stretch", on_click=_try_login, args=(accounts,))
            message = st.session_state.get(LOGIN_MESSAGE)
            if message:
                st.error(t(message[0], lang, **message[1]))


LOGIN_MESSAGE = "_login_message"


def _try_login(accounts: dict[str, str]) -> None:
    name = str(st.session_state.get("login_name") or "")
    password = str(st.session_state.get("login_password") or "")
    st.session_state["login_password"] = ""
    accepted, wait = auth.login_attempt(accounts, name, password, _session_key())
    if accepted:
        st.session_state[SESSION_USER] = name.strip().lower()
        st.session_state.pop(LOGIN_MESSAGE, None)
    elif wait > 0:
        st.session_state[LOGIN_MESSAGE] = ("login_locked", {"minutes": max(1, round(wait / 60))})
    else:
        st.session_state[LOGIN_MESSAGE] = ("login_failed", {})


def require_analyst() -> None:
    """The first line of an analyst page: for the public the page does not exist.

    app.py already leaves analyst pages out of the navigation (so their URLs fall back to the
    default page); this guards any other way in and renders nothing of the page."""
    if not is_analyst():
        st.switch_page("pages/ringkasan.py")


def analyst_only_page(url_path: str):
    """What the public finds at an analyst page's address: a page of its own, hidden from the
    navigation, that says so in the visitor's language (rather than Streamlit's English 'Page not
    found'), and shows nothing of the analyst page."""

    def analyst_only() -> None:
        lang = language()
        st.title(t("analyst_only_title", lang))
        st.info(t("analyst_only_body", lang), icon=":material/lock:")
        st.page_link("pages/ringkasan.py", label=t("page_summary", lang), icon=":material/dashboard:")

    analyst_only.__name__ = f"analyst_only_{url_path}"  # Streamlit tells pages apart by it
    return analyst_only


def current_user() -> str:
    """Who is acting, for the version log: the logged-in user where there is one."""
    try:
        user = st.user
        if getattr(user, "is_logged_in", False):
            return str(user.get("email") or user.get("name") or "analyst")
    except Exception:  # st.user needs an auth configuration on some versions
        pass
    from analytics.ingest.pipeline import default_user

    return default_user()
