# Convenience targets for the two README commands.
.PHONY: demo check build
demo:
	sh scripts/demo.sh
check:
	sh scripts/check.sh
build:
	sh scripts/build.sh
