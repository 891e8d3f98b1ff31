from .accounts import MunicipalStaffFactory, UserFactory
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
from .volunteers import (
    ResidentFactory,
    SignupFactory,
    VolunteerProfileFactory,
    VolunteerSkillFactory,
)

__all__ = [
    "ActionPlanPageFactory",
    "ClusterPageFactory",
    "EventPageFactory",
    "FundingPoolFactory",
    "HomePageFactory",
    "MeetingPlacePageFactory",
    "MunicipalStaffFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "ResidentFactory",
    "SignupFactory",
    "StandardPageFactory",
    "SteeringGroupMemberFactory",
    "SurveyPageFactory",
    "TaskFactory",
    "UserFactory",
    "VolunteerProfileFactory",
    "VolunteerSkillFactory",
    "VillageFactory",
    "home_page",
]
