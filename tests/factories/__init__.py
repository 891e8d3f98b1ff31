from .accounts import UserFactory
from .clusters import (
    ActionPlanPageFactory,
    ClusterPageFactory,
    EventPageFactory,
    FundingPoolFactory,
    MeetingPlacePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    SteeringGroupMemberFactory,
    SurveyPageFactory,
    TaskFactory,
    VillageFactory,
)
from .home import HomePageFactory, StandardPageFactory, home_page

__all__ = [
    "ActionPlanPageFactory",
    "ClusterPageFactory",
    "EventPageFactory",
    "FundingPoolFactory",
    "HomePageFactory",
    "MeetingPlacePageFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "StandardPageFactory",
    "SteeringGroupMemberFactory",
    "SurveyPageFactory",
    "TaskFactory",
    "UserFactory",
    "VillageFactory",
    "home_page",
]
