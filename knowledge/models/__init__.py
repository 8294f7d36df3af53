"""Knowledge base: municipalities, case studies, guidance, events with their sessions, and the e-zine.

One module per page family; every name is importable from `knowledge.models` as before.
"""

from .case_studies import (
    SIMILAR_LIMIT,
    CaseStudyAttachment,
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyTag,
    Domain,
    can_see_contact_email,
)
from .events import (
    EventIndexPage,
    EventPage,
    EventSessionPage,
)
from .ezine import (
    EzineArticlePage,
    EzineIndexPage,
    EzineIssuePage,
)
from .guidance import (
    GuidanceDocument,
    GuidanceIndexPage,
    GuidancePage,
    GuidanceTag,
)
from .municipalities import (
    PROVINCES,
    SIZE_CLASSES,
    URBANISATION_LEVELS,
    Municipality,
    MunicipalStaffMembership,
    municipality_of,
    size_class_for,
)

__all__ = [
    "PROVINCES",
    "SIZE_CLASSES",
    "URBANISATION_LEVELS",
    "size_class_for",
    "Municipality",
    "MunicipalStaffMembership",
    "municipality_of",
    "SIMILAR_LIMIT",
    "Domain",
    "CaseStudyTag",
    "CaseStudyIndexPage",
    "CaseStudyPage",
    "can_see_contact_email",
    "CaseStudyAttachment",
    "EventIndexPage",
    "EventPage",
    "EventSessionPage",
    "EzineIndexPage",
    "EzineIssuePage",
    "EzineArticlePage",
    "GuidanceTag",
    "GuidanceIndexPage",
    "GuidancePage",
    "GuidanceDocument",
]
