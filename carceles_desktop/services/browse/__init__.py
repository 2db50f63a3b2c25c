"""The read side of the Internos and Talleres lists: paged, filtered and sorted in SQL.

Every list query runs in two steps inside one statement.  An inner query finds the ids
of one page (scope, ``LIKE`` filter on the folded search key, sort, ``LIMIT``/``OFFSET``)
touching as few columns as it can; the outer query joins only those ids to what the
rows show (establishment, current enrolment and its workshop).  The expensive
correlated lookup of a trainee's current enrolment therefore runs once per shown row,
not once per matching row, except when the user sorts by that very column.

Counting is a separate call (:func:`count_trainees`, :func:`count_workshops`): a
``COUNT`` over a ``LIKE`` scan costs as much as the page itself, so callers ask for it
only when the page they got was full (a short page already tells the total).

The package is split by screen part: :mod:`.trainees` (the Internos list),
:mod:`.trainee_details` (its detail panel), :mod:`.workshops` (the Talleres list and
panel) and :mod:`._common` (scope, paging and sort order they share).  Callers import
from the package itself.
"""

from carceles_desktop.services.browse.trainee_details import (
    AssessmentRow,
    EnrolmentSummary,
    StateChangeRow,
    TraineeDetail,
    trainee_detail,
)
from carceles_desktop.services.browse.trainees import (
    TRAINEE_SORTS,
    TraineeRow,
    count_trainees,
    search_trainees,
)
from carceles_desktop.services.browse.workshops import (
    WORKSHOP_SORTS,
    WorkshopDetail,
    WorkshopMember,
    WorkshopRow,
    count_workshops,
    search_workshops,
    workshop_detail,
    workshops_to_choose,
)

__all__ = [
    "TRAINEE_SORTS",
    "WORKSHOP_SORTS",
    "AssessmentRow",
    "EnrolmentSummary",
    "StateChangeRow",
    "TraineeDetail",
    "TraineeRow",
    "WorkshopDetail",
    "WorkshopMember",
    "WorkshopRow",
    "count_trainees",
    "count_workshops",
    "search_trainees",
    "search_workshops",
    "workshops_to_choose",
    "trainee_detail",
    "workshop_detail",
]
