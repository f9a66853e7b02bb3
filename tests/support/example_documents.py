"""One valid document per label schema of the example manifests, every optional field set.

Shared by the differential validation tests (``tests/manifests/test_compiled_schema.py``,
which checks each is valid) and the validation benchmark (``bench/cases/create.py``).
"""

from __future__ import annotations

from typing import Any

SAMPLES: dict[tuple[str, str], dict[str, Any]] = {
    ("aws-iam-ic", "AwsAccount"): {
        "accountId": "123456789012",
        "name": "payments-prod",
        "email": "root+42@example.com",
        "status": "ACTIVE",
        "organizationalUnit": "Workloads/Prod",
        "joinedMethod": "INVITED",
        "joinedTimestamp": "2024-05-01T12:00:00.250+02:00",
        "tags": ["env=prod", "team=core"],
        "owner": {"name": "Ana", "email": "ana@example.com"},
    },
    ("aws-iam-ic", "AwsPermissionSet"): {
        "name": "AdministratorAccess",
        "arn": "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-1234567890abcdef",
        "sessionDuration": "PT4H",
        "description": "Full access",
        "relayState": "https://console.aws.amazon.com/",
        "managedPolicies": ["arn:aws:iam::aws:policy/AdministratorAccess"],
    },
    ("aws-iam-ic", "MAPS_TO"): {"role": "network", "linkedBy": "terraform"},
    ("github", "GithubRepository"): {
        "fullName": "octo-org/payments-api",
        "url": "https://github.com/octo-org/payments-api",
        "description": "Payments",
        "defaultBranch": "main",
        "visibility": "private",
        "archived": False,
        "topics": ["payments", "api"],
        "language": "Python",
        "pushedAt": "2026-01-02T03:04:05Z",
    },
    ("github", "GithubTeam"): {
        "organization": "octo-org",
        "slug": "platform",
        "name": "Platform",
        "description": "The platform team",
        "privacy": "closed",
    },
    ("github", "GithubWebhook"): {
        "hookId": 12345,
        "url": "https://hooks.example.com/github",
        "contentType": "json",
        "events": ["push", "pull_request"],
        "active": True,
        "insecureSsl": False,
    },
    ("github", "OWNS_REPO"): {"permission": "push"},
    ("pagerduty", "PagerDutyService"): {
        "serviceId": "PXPGF42",
        "name": "Payments API",
        "description": "Payments",
        "status": "active",
        "escalationPolicy": "PABC123",
        "urgency": "high",
        "acknowledgementTimeout": 600,
        "htmlUrl": "https://example.pagerduty.com/services/PXPGF42",
    },
    ("pagerduty", "PagerDutySchedule"): {
        "scheduleId": "PSCH123",
        "name": "Primary",
        "timeZone": "Europe/Berlin",
        "htmlUrl": "https://example.pagerduty.com/schedules/PSCH123",
    },
}
