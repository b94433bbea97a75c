"""Creates the async lane's topics and subscriptions in the Pub/Sub emulator (idempotent).

{jobs}               <- ingress publishes job ids; Cloud Scheduler (the shim locally) sweeps
{jobs}-push          push -> shim /push/generate, dead-letter policy -> {dead_letter} after N
{dead_letter}
{dead_letter}-push   push -> shim /push/generate_deadletter

No retry policy here: with one set, the emulator (0.8.20) stops redelivering messages whose push
failed (measured: 145 of 300 never came back after a 3 s outage). Without one it redelivers at
once, which is Pub/Sub's documented default. Production sets a backoff (infra/).
"""

from __future__ import annotations

import contextlib
import os

JOBS_TOPIC = "gatehouse-jobs"
DEAD_LETTER_TOPIC = "gatehouse-jobs-dead-letter"


def provision(
    emulator: str,
    project: str,
    shim_url: str,
    *,
    jobs_topic: str = JOBS_TOPIC,
    dead_letter_topic: str = DEAD_LETTER_TOPIC,
    max_delivery_attempts: int = 5,
    ack_deadline_s: int = 60,
) -> None:
    from google.api_core import exceptions
    from google.cloud import pubsub_v1

    os.environ["PUBSUB_EMULATOR_HOST"] = emulator
    publisher = pubsub_v1.PublisherClient()
    subscriber = pubsub_v1.SubscriberClient()
    jobs = publisher.topic_path(project, jobs_topic)
    dead = publisher.topic_path(project, dead_letter_topic)
    for topic in (jobs, dead):
        with contextlib.suppress(exceptions.AlreadyExists):
            publisher.create_topic(name=topic)
    subscriptions = [
        {
            "name": subscriber.subscription_path(project, f"{jobs_topic}-push"),
            "topic": jobs,
            "push_config": {"push_endpoint": f"{shim_url}/push/generate?topic={jobs_topic}"},
            "ack_deadline_seconds": ack_deadline_s,
            "dead_letter_policy": {"dead_letter_topic": dead, "max_delivery_attempts": max_delivery_attempts},
        },
        {
            "name": subscriber.subscription_path(project, f"{dead_letter_topic}-push"),
            "topic": dead,
            "push_config": {
                "push_endpoint": f"{shim_url}/push/generate_deadletter?topic={dead_letter_topic}"
            },
            "ack_deadline_seconds": ack_deadline_s,
        },
    ]
    for request in subscriptions:
        with contextlib.suppress(exceptions.AlreadyExists):
            subscriber.create_subscription(request=request)
    publisher.stop()
    subscriber.close()
