"""Blocked addresses: networks (IPv4 or IPv6, a single address or a CIDR range) that may not
post or register. They may still send feedback, so a wrongly blocked person can say so."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from mindwell.core.errors import PermissionDenied
from mindwell.moderation.models import BlockedNetwork
from mindwell.moderation.rules_cache import VersionedMemo

Network = ipaddress.IPv4Network | ipaddress.IPv6Network

BLOCKED_MESSAGE = (
    "Posting from your network is blocked. If you think this is a mistake, use the feedback page."
)
REGISTER_BLOCKED_MESSAGE = (
    "Registering from your network is blocked. If you think this is a mistake, use the "
    "feedback page."
)


@dataclass(frozen=True)
class Block:
    network: Network
    expires_at: datetime | None


def parse_network(text: str) -> Network:
    """`203.0.113.7`, `203.0.113.0/24` or `2001:db8::/32`; host bits are allowed
    (`203.0.113.7/24` means the /24). Raises ValueError with a readable message."""
    text = text.strip()
    try:
        return ipaddress.ip_network(text, strict=False)
    except ValueError:
        raise ValueError(
            f"“{text}” is not an address or range; write for example 203.0.113.7, "
            "203.0.113.0/24 or 2001:db8::/32."
        ) from None


def _load() -> list[Block]:
    blocks = []
    for network, expires_at in BlockedNetwork.objects.values_list("network", "expires_at"):
        try:
            blocks.append(Block(parse_network(network), expires_at))
        except ValueError:
            continue  # the admin form validates; a bad row from elsewhere blocks nobody
    return blocks


_blocks = VersionedMemo("blocked-networks", _load)


@receiver([post_save, post_delete], sender=BlockedNetwork)
def _networks_changed(**kwargs: Any) -> None:
    _blocks.invalidate()


def is_blocked(ip: str | None) -> bool:
    if not ip:
        return False
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return False
    candidates: list[ipaddress.IPv4Address | ipaddress.IPv6Address] = [address]
    # An IPv4 visitor seen through a dual-stack socket arrives as ::ffff:a.b.c.d.
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        candidates.append(address.ipv4_mapped)
    now = timezone.now()
    for block in _blocks.get():
        if block.expires_at is not None and block.expires_at <= now:
            continue
        for candidate in candidates:
            if candidate.version == block.network.version and candidate in block.network:
                return True
    return False


def check_network(ip: str | None, *, registering: bool = False) -> None:
    if is_blocked(ip):
        raise PermissionDenied(REGISTER_BLOCKED_MESSAGE if registering else BLOCKED_MESSAGE)
