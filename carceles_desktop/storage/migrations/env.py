"""Alembic environment: always run programmatically with a connection we provide."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context

from carceles_desktop.domain.base import ScaledDecimal
from carceles_desktop.domain.models import metadata


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | Literal[False]:
    """Render our scaled decimals as the plain integers they are stored as."""
    if type_ == "type" and isinstance(obj, ScaledDecimal):
        return "sa.BigInteger()"
    return False


def run() -> None:
    """Run the migrations on the connection handed over in the config attributes."""
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("migrations must be run through carceles_desktop.storage.migrate")
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,
        render_item=render_item,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
