from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "mindwell.core"

    def ready(self) -> None:
        # Writes move the page cache's generations (mindwell.core.pagecache.signals).
        from mindwell.core.pagecache import signals  # noqa: PLC0415

        signals.connect()
