"""Quiz scoring and item statistics: pure functions over the Catalog's quizzes and plain data."""
