from django.apps import AppConfig


class ReputationConfig(AppConfig):
    name = "mindwell.reputation"

    def ready(self) -> None:
        from mindwell.reputation import policy

        # Rule, grant and category changes drop the policy's cached snapshot.
        policy.connect_signals()
