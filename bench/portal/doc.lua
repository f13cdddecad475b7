-- /doc/{id}. BENCH_MODE=cold: a random id over all seeded documents (mostly output-cache misses);
-- BENCH_MODE=hot: one of 10 fixed ids (cache hits after the first request);
-- BENCH_MODE=warm: random ids with ?fs=m, which renders the same page under a different cache key,
-- so warming the JIT does not pre-fill the cache entries the cold run will ask for.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local mode = os.getenv("BENCH_MODE") or "cold"
local min_id = env_number("DOC_MIN_ID")
local max_id = env_number("DOC_MAX_ID")
local hot = {}
for k = 0, 9 do hot[#hot + 1] = math.floor(min_id + (max_id - min_id) * (k + 0.5) / 10) end

request = function()
  if mode == "hot" then
    return wrk.format("GET", "/doc/" .. hot[math.random(#hot)])
  elseif mode == "warm" then
    return wrk.format("GET", "/doc/" .. math.random(min_id, max_id) .. "?fs=m")
  end
  return wrk.format("GET", "/doc/" .. math.random(min_id, max_id))
end
