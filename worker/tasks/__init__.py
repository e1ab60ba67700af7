"""The Celery tasks, by concern: reviews, the App's other events, the GPU smoke test.

`worker.celery_app` includes the three modules; each task keeps the explicit name the
service sends (`worker.review_pull_request`, ...), whatever module defines it.
"""
