"""Demo account data of the sandbox: members, deskphones (DIDs) and starting balance.

Every number is made up. Member numbers follow the live quirks: some are stored with a
leading 0 (11 characters), the rest as plain 10-digit mobiles; deskphones keep a leading 0.
Two deskphones are of the caller-ID series (a 140-series and a 1600-series number), so the
demo shows the compliance question on an ordinary number and none on the right series.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta, timezone

DEMO_AUTHCODE = "demo-0000-sandbox"

IST = timezone(timedelta(hours=5, minutes=30), "IST")
"""CallerDesk reports times in India time without a zone."""

NEVER = "0000-00-00 00:00:00"
"""How the call report writes a leg time that never happened."""

FIRST_CAMPID = 3570001
DEFAULT_PER_PAGE = 20
DUMMY_PASSWORD = "e10adc3949ba59abbe56e057f20f883e"  # noqa: S105 - fake hash, sent like the live API

INITIAL_BALANCE: dict[str, str] = {
    "avail_clicktocall_coins": "500",
    "avail_obd_coins": "1200",
    "avail_call_coins": "300",
    "expired_on": "2027-03-31",
}

ACCOUNT_PROFILE: dict[str, str] = {
    "account_name": "Sandbox Demo Pvt Ltd",
    "email": "owner@example.com",
    "plan_name": "Sandbox",
    "status": "1",
}


@dataclass(frozen=True, slots=True)
class DemoMember:
    """A team member as getmemberlist_V2 lists it."""

    member_id: str
    name: str
    num: str  # verbatim: 10 digits, or 11 with a leading 0
    access: str  # "1" admin, "2" regular, "3" group owner
    status: str  # "1" active; "0" and "2" not active

    @property
    def active(self) -> bool:
        return self.status == "1"

    def as_json(self) -> dict[str, str]:
        first = self.name.split()[0].lower()
        return {
            "member_id": self.member_id,
            "member_name": self.name,
            "member_email": f"{first}.{self.member_id}@example.com",
            "member_num": self.num,
            "access": self.access,
            "status": self.status,
            "password": DUMMY_PASSWORD,
        }


@dataclass(frozen=True, slots=True)
class DemoDeskphone:
    """A DID as getdeskphone_v2 lists it; ``deskphone`` keeps its leading 0."""

    did_id: str
    deskphone: str
    did_num: str

    def as_json(self) -> dict[str, str]:
        return {"did_id": self.did_id, "deskphone": self.deskphone, "did_num": self.did_num}


_MEMBER_ROWS: tuple[tuple[str, str, str, str, str], ...] = (
    ("4501", "Aarav Sharma", "09700009153", "1", "1"),
    ("4502", "Priya Iyer", "9300017072", "3", "1"),
    ("4503", "Rohan Mehta", "8800024991", "2", "1"),
    ("4504", "Ananya Reddy", "7900032910", "2", "1"),
    ("4505", "Vikram Singh", "07000040829", "2", "1"),
    ("4506", "Kavya Nair", "6300048748", "2", "0"),
    ("4507", "Arjun Patel", "9100056667", "2", "1"),
    ("4508", "Sneha Kulkarni", "8600064586", "2", "1"),
    ("4509", "Rahul Verma", "09800072505", "2", "1"),
    ("4510", "Divya Menon", "9700080424", "2", "1"),
    ("4511", "Karthik Subramanian", "9300088343", "2", "2"),
    ("4512", "Pooja Gupta", "8800096262", "2", "1"),
    ("4513", "Aditya Joshi", "07900104181", "2", "1"),
    ("4514", "Meera Pillai", "7000112100", "2", "0"),
    ("4515", "Siddharth Rao", "6300120019", "2", "1"),
    ("4516", "Neha Agarwal", "9100127938", "2", "1"),
    ("4517", "Manish Tiwari", "08600135857", "2", "1"),
    ("4518", "Lakshmi Narayanan", "9800143776", "2", "1"),
    ("4519", "Amit Chauhan", "9700151695", "2", "1"),
    ("4520", "Ishita Banerjee", "9300159614", "3", "1"),
    ("4521", "Suresh Yadav", "08800167533", "2", "1"),
    ("4522", "Ritu Malhotra", "7900175452", "2", "1"),
    ("4523", "Deepak Mishra", "7000183371", "2", "0"),
    ("4524", "Anjali Deshmukh", "6300191290", "2", "1"),
    ("4525", "Harish Gowda", "09100199209", "2", "1"),
    ("4526", "Swati Saxena", "8600207128", "2", "1"),
    ("4527", "Nikhil Bhatt", "9800215047", "2", "2"),
    ("4528", "Farah Khan", "9700222966", "2", "1"),
    ("4529", "Gaurav Chopra", "09300230885", "2", "1"),
    ("4530", "Shreya Ghosh", "8800238804", "2", "1"),
    ("4531", "Imran Qureshi", "7900246723", "2", "0"),
    ("4532", "Tanvi Jain", "7000254642", "2", "1"),
    ("4533", "राजेश कुमार", "06300262561", "2", "1"),  # names from the service may be Hindi
    ("4534", "Nandini Bose", "9100270480", "2", "1"),
    ("4535", "Vivek Pandey", "8600278399", "2", "2"),
    ("4536", "Harpreet Kaur", "9800286318", "2", "1"),
    ("4537", "Abhishek Dubey", "09700294237", "2", "1"),
)

MEMBERS: tuple[DemoMember, ...] = tuple(DemoMember(*row) for row in _MEMBER_ROWS)

DESKPHONES: tuple[DemoDeskphone, ...] = (
    DemoDeskphone("7001", "01204000000", "911204000000"),
    DemoDeskphone("7002", "02249000000", "912249000000"),
    DemoDeskphone("7003", "08047000000", "918047000000"),
    # The caller-ID series of TRAI's February 2025 amendment: promotional calls come from a
    # 140-series number, service and transactional calls (regulated firms) from a 1600-series.
    DemoDeskphone("7004", "01409000000", "911409000000"),
    DemoDeskphone("7005", "01600900000", "911600900000"),
)

# The colleague whose calls the demo shows in the team's call report (an active member).
TEAM_MEMBER = "Priya Iyer"
# In demo mode she called this customer a minute before the sandbox started: typing it shows
# the team's call under the field, and calling it asks first.
TEAM_DEMO_CUSTOMER = "9876543212"
