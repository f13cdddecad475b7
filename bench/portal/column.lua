-- /column/{id}?page=N of the large list column (其他文件 by default).
-- BENCH_MODE=cold: random page 1..200, plus a unique "r" parameter so every request misses the output cache
--   (the page ignores unknown parameters, but the cache varies by every query key);
-- BENCH_MODE=cold-year: the same with a random &year= filter over the seeded years (pages 1..100);
-- BENCH_MODE=hot: 10 fixed URLs (pages 1-5, with and without year filter), cache hits after the first request.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local mode = os.getenv("BENCH_MODE") or "cold"
local column = env_number("LIST_COLUMN_ID")
local year_min = env_number("YEAR_MIN", 2015)
local year_max = env_number("YEAR_MAX", 2026)
local hot_year = math.min(math.max(2024, year_min), year_max)
local hot = {}
for p = 1, 5 do
  hot[#hot + 1] = "/column/" .. column .. "?page=" .. p
  hot[#hot + 1] = "/column/" .. column .. "?year=" .. hot_year .. "&page=" .. p
end
local nonce = 0

request = function()
  if mode == "hot" then
    return wrk.format("GET", hot[math.random(#hot)])
  end
  nonce = nonce + 1
  local r = "&r=" .. tid .. "-" .. nonce .. "-" .. math.random(1, 1000000000)
  if mode == "cold-year" then
    return wrk.format("GET", "/column/" .. column .. "?year=" .. math.random(year_min, year_max) .. "&page=" .. math.random(1, 100) .. r)
  end
  return wrk.format("GET", "/column/" .. column .. "?page=" .. math.random(1, 200) .. r)
end
