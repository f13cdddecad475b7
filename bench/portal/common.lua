-- Shared by the portal benchmark scripts (loaded with dofile from each scenario script).
-- Reads its parameters from the environment that run.sh exports, seeds one random stream per wrk thread,
-- and counts per thread how many responses were output-cache hits (ASP.NET Core output caching sets an
-- "Age" header only on responses served from the cache) and how many were not 200.

local threads = {}
local counter = 0

function env_number(name, default)
  local v = os.getenv(name)
  if v == nil or v == "" then
    if default == nil then error("environment variable " .. name .. " is required") end
    return default
  end
  return tonumber(v)
end

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end

function init(args)
  -- Every thread gets a different, time-dependent stream so repeated runs do not replay the same URLs.
  math.randomseed(os.time() * 1000 + (tid or 0) * 7919)
  for _ = 1, 10 do math.random() end
  responses, hits, non200 = 0, 0, 0
end

function response(status, headers, body)
  responses = responses + 1
  if status ~= 200 then non200 = non200 + 1 end
  if headers["Age"] ~= nil or headers["age"] ~= nil then hits = hits + 1 end
end

function done(summary, latency, requests)
  local total, h, bad = 0, 0, 0
  for _, t in ipairs(threads) do
    total = total + (t:get("responses") or 0)
    h = h + (t:get("hits") or 0)
    bad = bad + (t:get("non200") or 0)
  end
  -- One machine-readable line for run.sh.
  io.write(string.format("BENCH responses=%d cache_hits=%d non200=%d socket_errors=%d\n", total, h, bad,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
