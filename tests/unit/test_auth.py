"""Local analyst accounts: bcrypt hashes, and failed attempts limited without revealing which part was wrong."""

from analytics import auth


def accounts():
    return {"analis": auth.hash_password("rahasia-kuat", rounds=4)}


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_right_password_is_accepted_and_wrong_ones_are_not():
    assert auth.check_password(accounts(), "Analis ", "rahasia-kuat")
    assert not auth.check_password(accounts(), "analis", "salah")
    assert not auth.check_password(accounts(), "tidak-ada", "rahasia-kuat")
    assert not auth.check_password({"x": "bukan-hash"}, "x", "apa saja")


def test_failures_lock_the_name_and_the_session_for_a_while():
    clock = FakeClock()
    limiter = auth.AttemptLimiter(max_failures=3, window=60, clock=clock)
    for _ in range(3):
        assert auth.login_attempt(accounts(), "analis", "salah", "s1", limiter)[0] is False
    accepted, wait = auth.login_attempt(accounts(), "analis", "rahasia-kuat", "s1", limiter)
    assert accepted is False and 0 < wait <= 60  # even the right password waits
    accepted, _ = auth.login_attempt(accounts(), "analis", "rahasia-kuat", "s2", limiter)
    assert accepted is False  # the name is locked from another session too
    clock.now += 61
    assert auth.login_attempt(accounts(), "analis", "rahasia-kuat", "s1", limiter) == (True, 0.0)


def test_unknown_names_are_limited_the_same_way():
    limiter = auth.AttemptLimiter(max_failures=2, window=60, clock=FakeClock())
    for _ in range(2):
        auth.login_attempt(accounts(), "siapa", "x", "s", limiter)
    assert auth.login_attempt(accounts(), "siapa", "x", "other", limiter)[1] > 0
