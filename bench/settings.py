"""The portal's settings plus the floor `make bench` compares every page with."""

from torino_portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
