"""The kind-free core: loading, findings, config, projects, rendering, publishing, reporting."""
