-- uncaught.lua: an error nobody catches: lua prints the traceback and
-- exits with status 1, in every build.
local function inner(n)
  if n == 0 then error("reached the bottom") end
  return inner(n - 1) + 1
end
print("before")
inner(5)
print("never printed")
