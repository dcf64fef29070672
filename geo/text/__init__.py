"""Text segmentation: paragraphs and sentences as offset spans."""
