from collections import Counter
from tests.wire.nonagent.test_update_lead_hostile import *  # noqa
from tests.wire.nonagent.test_update_lead_hostile import world  # noqa

def test_probe(client, world):
    seen = Counter()
    @settings(max_examples=400, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(st.dictionaries(st.sampled_from(UPDATE_LEAD_PARAMETERS), values, min_size=1, max_size=5), options)
    def run(params, ordinary):
        assume(not set(ANCHORS) <= set(params))
        r = client.get(f"{URL}?{query('update_lead', {'lead_id': b'1001', **ANCHORS, **ordinary}, params)}")
        for line in r.text.splitlines():
            seen[re.sub(r" - .*|: \|.*", "", line)[:70]] += 1
        check_answer(r.status_code, r.text)
    run()
    for k, v in seen.most_common(): print(v, k)
