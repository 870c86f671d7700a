"""Which addresses private-address blocking lets through: public unicast only."""

from __future__ import annotations

import ipaddress

import pytest

from monitor.fetch.guard import is_public


@pytest.mark.parametrize(
    "address",
    [
        "10.1.2.3",  # private
        "172.16.0.1",
        "192.168.1.1",
        "127.0.0.1",  # loopback
        "127.8.8.8",
        "::1",
        "169.254.169.254",  # link-local: AWS, GCP, Azure metadata
        "fe80::1",
        "fd00:ec2::254",  # AWS metadata over IPv6 (unique local)
        "100.100.100.200",  # shared address space: Alibaba Cloud metadata
        "0.0.0.0",  # unspecified
        "::",
        "240.0.0.1",  # reserved
        "224.0.0.1",  # multicast
        "::ffff:127.0.0.1",  # IPv4 written as IPv6
        "::ffff:169.254.169.254",
    ],
)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.215.14", "1.1.1.1", "2606:4700:4700::1111"])
def test_public_addresses_pass(address: str) -> None:
    assert is_public(ipaddress.ip_address(address))
