from .action_plans import ActionPlanPage, ActionPlanStatus, Task, TaskStatus
from .cluster import (
    ClusterAdministration,
    ClusterPage,
    Phase,
    SteeringGroupMember,
    Village,
)
from .events import EventPage
from .funding import FundingPool
from .news import NewsIndexPage, NewsPage, NewsPageTag
from .places import (
    Facility,
    MeetingPlaceGalleryImage,
    MeetingPlaceKind,
    MeetingPlacePage,
)
from .survey import SurveyFormField, SurveyPage

__all__ = [
    "ActionPlanPage",
    "ActionPlanStatus",
    "ClusterAdministration",
    "ClusterPage",
    "EventPage",
    "Facility",
    "FundingPool",
    "MeetingPlaceGalleryImage",
    "MeetingPlaceKind",
    "MeetingPlacePage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "Phase",
    "SteeringGroupMember",
    "SurveyFormField",
    "SurveyPage",
    "Task",
    "TaskStatus",
    "Village",
]
