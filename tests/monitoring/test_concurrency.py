"""Two people editing the same report: the second save is refused and shows what changed."""

import pytest

from hedef.monitoring.actions import ContributionSave, SubmissionSave
from hedef.monitoring.errors import SubmissionConflict
from hedef.monitoring.selectors import submission_changes_since
from tests.helpers.monitoring import actor, complete_content, form_data


def test_a_save_from_an_old_version_is_refused(platform, more_users):
    leyla = actor(more_users["focal_in"])
    SubmissionSave(
        platform, actor=leyla, content=complete_content(narrative="Birinci."), version=1
    ).execute()
    with pytest.raises(SubmissionConflict) as caught:
        SubmissionSave(
            platform, actor=leyla, content=complete_content(narrative="İkinci."), version=1
        ).execute()
    assert (caught.value.code, caught.value.yours, caught.value.current) == ("conflict", 1, 2)
    platform.refresh_from_db()
    assert platform.narrative == "Birinci." and platform.version == 2
    [change] = submission_changes_since(platform, 1)
    assert "narrative" in change.keys and change.after["narrative"] == "Birinci."


@pytest.mark.usefixtures("english")
def test_the_second_browser_sees_the_versions_and_the_change(client, platform, more_users):
    first, second = client, client.__class__(HTTP_ACCEPT_LANGUAGE="en")
    first.force_login(more_users["focal_in"])
    second.force_login(more_users["focal_in"])
    url = platform.get_absolute_url()
    opened = form_data(platform)  # both opened version 1
    assert (
        first.post(url, {**opened, "narrative": "Birinci brauzer.", "save": ""}).status_code == 302
    )
    response = second.post(url, {**opened, "narrative": "İkinci brauzer.", "save": ""})
    assert response.status_code == 409
    html = response.content.decode()
    assert "you started from version 1, it is now version 2" in html
    assert "Birinci brauzer." in html  # what the other person saved
    assert "İkinci brauzer." in html  # this person's text is kept in the form
    assert response.context["form"]["version"].value() == "2"
    platform.refresh_from_db()
    assert platform.narrative == "Birinci brauzer."


def test_contributions_are_locked_optimistically_too(platform, more_users):
    rinn = actor(more_users["focal_rinn"])
    ContributionSave(platform, actor=rinn, text="Birinci.", version=0).execute()
    with pytest.raises(SubmissionConflict):
        ContributionSave(platform, actor=rinn, text="İkinci.", version=0).execute()
    assert platform.contributions.get().text == "Birinci."
