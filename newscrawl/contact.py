"""ContactAddon: the User-Agent names the project and NEWSCRAWL_CONTACT_URL, unless USER_AGENT is set."""

from __future__ import annotations

from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings


def user_agent(contact_url: str) -> str:
    return f"newscrawl/0.1 (+{contact_url})"


class ContactAddon:
    """Scrapy add-on: rebuilds USER_AGENT from NEWSCRAWL_CONTACT_URL; a USER_AGENT a user set wins."""

    def update_settings(self, settings: BaseSettings) -> None:
        if settings.getpriority("USER_AGENT") > SETTINGS_PRIORITIES["project"]:
            return
        settings.set("USER_AGENT", user_agent(settings.get("NEWSCRAWL_CONTACT_URL")), priority="project")
