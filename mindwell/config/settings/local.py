"""Settings for running Mindwell on your own machine (`make run`, the `mindwell` command)."""

from mindwell.config.settings.base import *  # noqa: F403
