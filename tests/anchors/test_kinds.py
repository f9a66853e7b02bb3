from plugraph.anchors.kinds import ANCHOR_KINDS, BY_LABEL
from plugraph.authz.permissions import ANCHOR_KINDS as PERMISSION_KINDS
from plugraph.manifests.model import CORE_ANCHORS


def test_anchor_kinds_are_the_core_anchors_manifests_may_link_to():
    assert tuple(BY_LABEL) == CORE_ANCHORS


def test_anchor_kinds_name_the_permissions_the_authorizer_knows():
    assert tuple(kind.kind for kind in ANCHOR_KINDS) == PERMISSION_KINDS
    assert BY_LABEL["Environment"].permission("write") == "anchors:environments:write"
