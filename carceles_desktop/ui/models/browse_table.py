"""A paged list over a pair of browse services that search by text and sort by column."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from carceles_desktop.services.context import ServiceContext
from carceles_desktop.ui.models.paged_table import Column, PagedTableModel, PageQuery

#: ``search_x(uow, actor, *, text, sort, descending, offset, limit)``.
SortedSearch = Callable[..., Sequence[Any]]
#: ``count_x(uow, actor, *, text)``.
TextCount = Callable[..., int]


class BrowseTableModel(PagedTableModel):
    """Rows of one browse service, each page read in its own read-only unit of work."""

    def __init__(
        self,
        ctx: ServiceContext,
        columns: Sequence[Column],
        search: SortedSearch,
        count: TextCount,
        *,
        context: str,
        default_sort: str,
        page_size: int = 200,
        parent: Any = None,
    ) -> None:
        def fetch(query: PageQuery, offset: int, limit: int) -> Sequence[Any]:
            with ctx.reading() as uow:
                return search(
                    uow,
                    ctx.actor,
                    text=query.text,
                    sort=query.sort,
                    descending=query.descending,
                    offset=offset,
                    limit=limit,
                )

        def total(query: PageQuery) -> int:
            with ctx.reading() as uow:
                return count(uow, ctx.actor, text=query.text)

        super().__init__(
            columns,
            fetch,
            total,
            context=context,
            default_sort=default_sort,
            page_size=page_size,
            parent=parent,
        )
